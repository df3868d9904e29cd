using System.Globalization;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;
using Cohesion.Web;

namespace Cohesion.Assets.Demo;

/// <summary>An LSOA of the demo place as the generator sees it: its ward, residents and boundary.</summary>
sealed record DemoLsoa(int Id, string Code, int WardId, string Ward, double Residents, AreaShape Shape);

/// <summary>What the generator made: every record, ready to add to the context.</summary>
sealed record DemoBuilt(List<AssetOrganisation> Organisations, List<Location> Locations, List<Service> Services);

/// <summary>
/// Writes the synthetic Oldham directory from <see cref="DemoWords"/>: each activity term's services placed in wards in
/// proportion to residents times the term's weight for the ward's zone (town centre, inner, outer: ESOL clusters in the
/// centre and is absent from the outer wards, as the gap analysis should find), at a random point inside an LSOA of
/// the ward (rejection sampling in the boundary's box), run by organisations of the kinds that run such things, reused
/// within a ward so organisations run several services; then residents' offers and spaces to book. Everything comes
/// from one <see cref="DemoRandom"/> stream in a fixed order, so a seed and a date give the same directory every time.
/// </summary>
sealed class DemoDirectory
{
    readonly DemoRandom _rng;
    readonly DateOnly _today;
    readonly DateTime _now;
    readonly IReadOnlyDictionary<string, int> _maintainers;
    readonly List<(string Ward, int WardId, List<DemoLsoa> Lsoas, double Residents)> _wards;
    readonly Dictionary<(string Kind, string Ward), List<(AssetOrganisation Org, Location Home)>> _orgsByWard = [];
    readonly HashSet<string> _orgNames = new(StringComparer.OrdinalIgnoreCase);
    readonly DemoBuilt _built = new([], [], []);
    int _ids;

    public const string Summary = "Demo directory seeded";
    const string SyntheticNote = "(Synthetic demonstration record: made up for the demo, it describes no real service.)";

    DemoDirectory(ulong seed, DateOnly today, DateTime now, IReadOnlyList<DemoLsoa> lsoas, IReadOnlyDictionary<string, int> maintainers)
    {
        _rng = new DemoRandom(seed, 0);
        _today = today;
        _now = now;
        _maintainers = maintainers;
        _wards = lsoas.GroupBy(l => (l.Ward, l.WardId)).OrderBy(g => g.Key.Ward, StringComparer.Ordinal)
            .Select(g => (g.Key.Ward, g.Key.WardId, g.OrderBy(l => l.Code, StringComparer.Ordinal).ToList(), g.Sum(l => l.Residents))).ToList();
    }

    /// <param name="maintainers">The demo partner organisations' ids by name (<see cref="DemoWords.Maintainers"/>).</param>
    public static DemoBuilt Generate(ulong seed, DateOnly today, DateTime now, IReadOnlyList<DemoLsoa> lsoas, IReadOnlyDictionary<string, int> maintainers)
    {
        var d = new DemoDirectory(seed, today, now, lsoas, maintainers);
        foreach (var term in DemoWords.Terms)
            for (var i = 0; i < term.Count; i++) d.AddService(term);
        d.AddOffers(40);
        d.AddSpaces(40);
        d.CoverAudiences();
        return d._built;
    }

    Guid NextId(string what) => StableId.For($"demo-asset:{what}:{_ids++}");

    static double ZoneWeight(string ward, double centre, double outer) =>
        DemoWords.CentreWards.Contains(ward) ? centre : DemoWords.OuterWards.Contains(ward) ? outer : 1;

    (string Ward, int WardId, DemoLsoa Lsoa) PickPlace(double centre, double outer)
    {
        var ward = _wards[_rng.Pick(_wards.Select(w => w.Residents * ZoneWeight(w.Ward, centre, outer)).ToList())];
        var lsoa = ward.Lsoas[_rng.Pick(ward.Lsoas.Select(l => l.Residents).ToList())];
        return (ward.Ward, ward.WardId, lsoa);
    }

    /// <summary>A point inside the LSOA: uniform in its bounding box until one falls inside the boundary.</summary>
    GeoPoint PointIn(AreaShape s)
    {
        for (var tries = 0; tries < 10_000; tries++)
        {
            // Six decimals (about 10 cm) as the CSV and HSDS files carry them, tested after rounding so the stored point is inside.
            var p = new GeoPoint(Math.Round(s.MinLat + _rng.Uniform() * (s.MaxLat - s.MinLat), 6), Math.Round(s.MinLon + _rng.Uniform() * (s.MaxLon - s.MinLon), 6));
            if (s.Contains(p)) return p;
        }
        throw new InvalidOperationException($"No point found inside area {s.AreaId} for the demo directory");
    }

    T One<T>(IReadOnlyList<T> xs) => xs[_rng.Below(xs.Count)];

    string Fill(string template, string ward, string town) => template
        .Replace("{street}", One(DemoWords.Streets).Split(' ')[0], StringComparison.Ordinal)
        .Replace("{ward}", ward, StringComparison.Ordinal).Replace("{town}", town, StringComparison.Ordinal)
        .Replace("{adj}", One(DemoWords.Adjectives), StringComparison.Ordinal).Replace("{noun}", One(DemoWords.Nouns), StringComparison.Ordinal)
        .Replace("{sport}", One(DemoWords.Sports), StringComparison.Ordinal);

    static string Slug(string name) => new(name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').Select(c => c == ' ' ? '-' : c).ToArray());

    string Phone() => "0161 496 0" + _rng.Below(1000).ToString("000", CultureInfo.InvariantCulture);

    /// <summary>Who checks the record, when they last did, and whether it needs checking: spread over the last 18 months, so some are overdue.</summary>
    void Steward(IStewarded r, string maintainer)
    {
        r.MaintainerOrganisationId = _rng.Chance(0.1) ? null : _maintainers[maintainer];
        var u = _rng.Uniform();
        r.LastCheckedOn = u < 0.05 ? null : _today.AddDays(-_rng.Below(548));
        r.Review = u < 0.05 ? ReviewStatus.Unchecked : u < 0.11 ? ReviewStatus.NeedsChecking : ReviewStatus.Checked;
    }

    Location NewVenue(string name, string ward, string town, string outward, DemoLsoa lsoa, Guid? org)
    {
        var p = PointIn(lsoa.Shape);
        var street = One(DemoWords.Streets);
        var venue = new Location
        {
            Id = NextId("location"), OrganisationId = org, Name = name, Address1 = $"{1 + _rng.Below(180)} {street}", City = town, Postcode = outward,
            Latitude = p.Latitude, Longitude = p.Longitude, AreaId = lsoa.Id, IsSynthetic = true, UpdatedAt = _now,
            Description = $"In {ward}. {SyntheticNote}",
        };
        foreach (var a in DemoWords.Accessibility)
            if (_rng.Chance(0.35)) venue.Accessibility.Add(new Accessibility { Id = NextId("accessibility"), LocationId = venue.Id, Description = a });
        _built.Locations.Add(venue);
        return venue;
    }

    (AssetOrganisation Org, Location Home) Organisation(string kindCode, string ward, DemoLsoa lsoa, double reuse)
    {
        if (_orgsByWard.TryGetValue((kindCode, ward), out var have) && _rng.Chance(reuse)) return One(have);
        var kind = DemoWords.OrgKinds.Single(k => k.Code == kindCode);
        var (town, outward) = DemoWords.TownOf(ward);
        var name = "";
        for (var tries = 0; tries < 20 && (name.Length == 0 || _orgNames.Contains(name)); tries++) name = Fill(One(kind.Names), ward, town);
        for (var n = 2; _orgNames.Contains(name); n++) name = $"{Fill(One(kind.Names), ward, town)} {n}";
        _orgNames.Add(name);
        var slug = Slug(name);
        var org = new AssetOrganisation
        {
            Id = NextId("organisation"), Name = name, Description = $"{kind.Blurb} {SyntheticNote}", Email = $"{slug}@example.org",
            Website = $"https://example.org/{slug}", IsSynthetic = true, CreatedAt = _now, UpdatedAt = _now,
        };
        Steward(org, kind.Maintainer);
        var home = NewVenue(kindCode is "faith" or "school" or "library" or "council" or "health" ? name : $"{One(DemoWords.Streets).Split(' ')[0]} {One(DemoWords.Buildings)}",
            ward, town, outward, lsoa, org.Id);
        _built.Organisations.Add(org);
        if (!_orgsByWard.TryGetValue((kindCode, ward), out have)) _orgsByWard[(kindCode, ward)] = have = [];
        have.Add((org, home));
        return (org, home);
    }

    Service NewService(AssetKind kind, string name, string description, AssetOrganisation org, Location at, string ward, int wardId, string maintainer)
    {
        var s = new Service
        {
            Id = NextId("service"), Kind = kind, Name = name, Description = description, OrganisationId = org.Id, Organisation = org,
            IsSynthetic = true, CreatedAt = _now, UpdatedAt = _now, Version = 1,
            Status = _rng.Uniform() switch { < 0.03 => ServiceStatus.TemporarilyClosed, < 0.04 => ServiceStatus.Inactive, _ => ServiceStatus.Active },
            Publication = _rng.Chance(0.03) ? Publication.Draft : Publication.Published,
        };
        Steward(s, maintainer);
        s.Locations.Add(new ServiceAtLocation { Id = NextId("service-at-location"), ServiceId = s.Id, LocationId = at.Id, Location = at });
        s.ServiceAreas.Add(new ServiceArea { Id = NextId("service-area"), ServiceId = s.Id, AreaId = wardId, Name = ward });
        s.Languages.Add(new ServiceLanguage { Id = NextId("language"), ServiceId = s.Id, Name = "English", Code = "en" });
        _built.Services.Add(s);
        return s;
    }

    void Term(Service s, Guid taxonomy, string code)
    {
        var id = CohesionTaxonomy.TermId(taxonomy, code);
        if (s.Terms.All(t => t.TermId != id)) s.Terms.Add(new ServiceTerm { ServiceId = s.Id, TermId = id });
    }

    void AddService(DemoTerm term)
    {
        var (ward, wardId, lsoa) = PickPlace(term.Centre, term.Outer);
        var (town, outward) = DemoWords.TownOf(ward);
        // Most services are run by an organisation already in the ward that does such things; the rest by a new one.
        var running = term.Kinds.SelectMany(k => _orgsByWard.GetValueOrDefault((k, ward)) ?? []).ToList();
        var kindCode = running.Count > 0 && _rng.Chance(0.8) ? null : One(term.Kinds);
        var (org, home) = kindCode is null ? One(running) : Organisation(kindCode, ward, lsoa, reuse: 0);
        kindCode ??= _orgsByWard.First(o => o.Value.Any(x => x.Org == org)).Key.Kind;
        var at = _rng.Chance(0.8) ? home : NewVenue($"{One(DemoWords.Streets).Split(' ')[0]} {One(DemoWords.Buildings)}", ward, town, outward, lsoa, org.Id);
        var place = town == "Oldham" ? ward : town;
        var maintainer = DemoWords.OrgKinds.Single(k => k.Code == kindCode).Maintainer;
        var s = NewService(AssetKind.Service, $"{Fill(One(term.Names), ward, town)}, {place}",
            $"{One(term.Blurbs)} Run by {org.Name} at {at.Name}. {SyntheticNote}", org, at, ward, wardId, maintainer);
        Term(s, CohesionTaxonomy.ActivityId, term.Code);
        // A few services are also classed under a second activity, as real ones are (a lunch club that is also food).
        // Never a language term: where language learning is, and is not, is the gap the analysis should find.
        if (_rng.Chance(0.15) && One(DemoWords.Terms) is { Centre: < 5 } second) Term(s, CohesionTaxonomy.ActivityId, second.Code);
        Term(s, CohesionTaxonomy.AudienceId, _rng.Chance(0.6) ? term.Audiences[0] : One(term.Audiences));
        if (_rng.Chance(0.1)) Term(s, CohesionTaxonomy.AudienceId, One(CohesionTaxonomy.Audiences).Code);
        if (term.Ages is { } ages) (s.MinimumAge, s.MaximumAge) = (ages.Min, ages.Max >= AssetLimits.MaxAge ? null : ages.Max);
        Languages(s, term.Code is "esol" or "language-cafe" or "conversation-club" or "buddy-scheme" or "refugee-migrant" or "advice" or "faith" or "food" or "older-people" ? 0.6 : 0.2);
        Costs(s, term.Code is "sport" or "arts-culture" ? 0.55 : term.Code is "faith" or "food" or "advice" or "refugee-migrant" or "social-prescribing" or "esol" ? 0.95 : 0.8);
        Contact(s, org);
        Schedule(s, at, One(term.Times), term.Code is "buddy-scheme" or "social-prescribing" ? 0.6 : 0.04);
    }

    void Languages(Service s, double chance)
    {
        if (!_rng.Chance(chance)) return;
        var n = _rng.Chance(0.3) ? 2 : 1;
        var weights = DemoWords.Languages.Select(l => l.Weight).ToList();
        for (var i = 0; i < n; i++)
        {
            var (name, code, _) = DemoWords.Languages[_rng.Pick(weights)];
            if (s.Languages.All(l => l.Code != code)) s.Languages.Add(new ServiceLanguage { Id = NextId("language"), ServiceId = s.Id, Name = name, Code = code });
        }
    }

    void Costs(Service s, double free)
    {
        if (_rng.Chance(free)) { s.IsFree = true; return; }
        decimal[] amounts = [1m, 2m, 2.5m, 3m, 4m, 5m];
        var amount = One(amounts);
        s.FeesDescription = string.Create(CultureInfo.InvariantCulture, $"£{amount:0.##} a session; free for people on benefits.");
        s.CostOptions.Add(new CostOption { Id = NextId("cost"), ServiceId = s.Id, Option = "Per session", Amount = amount, AmountDescription = s.FeesDescription });
    }

    void Contact(Service s, AssetOrganisation org)
    {
        if (_rng.Chance(0.6)) s.Email = org.Email;
        if (_rng.Chance(0.4)) s.Url = org.Website;
        if (_rng.Chance(0.7)) s.Phones.Add(new Phone { Id = NextId("phone"), ServiceId = s.Id, Number = Phone(), Type = "voice" });
    }

    static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>Weekly sessions mostly, some monthly meetings, a few one-off events in the coming four months, some by appointment.</summary>
    void Schedule(Service s, Location at, string times, double byAppointment)
    {
        if (_rng.Chance(byAppointment))
        {
            s.ApplicationProcess = "By appointment: phone or email to arrange a time.";
            return;
        }
        var opens = TimeOnly.ParseExact(times[..5], "HH:mm", CultureInfo.InvariantCulture);
        var closes = TimeOnly.ParseExact(times[6..], "HH:mm", CultureInfo.InvariantCulture);
        var schedule = new Schedule { Id = NextId("schedule"), ServiceId = s.Id, LocationId = at.Id, OpensAt = opens, ClosesAt = closes };
        var u = _rng.Uniform();
        if (u < 0.06)
        {
            schedule.DtStart = _today.AddDays(7 + _rng.Below(114));
            schedule.Description = "One-off event.";
        }
        else if (u < 0.26)
        {
            schedule.Freq = ScheduleFrequency.Monthly;
            schedule.Interval = 1;
            schedule.ByDay = One(["1", "2", "3", "-1"]) + One(Days[..6]);
            schedule.DtStart = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-1 - _rng.Below(24));
        }
        else
        {
            schedule.Freq = ScheduleFrequency.Weekly;
            schedule.Interval = 1;
            var day = _rng.Below(6);
            schedule.ByDay = _rng.Chance(0.15) ? $"{Days[day]},{Days[(day + 2) % 5]}" : Days[day];
            var start = _today.AddDays(-30 - _rng.Below(700));
            // RFC 5545: DTSTART is the first occurrence, so it falls on the first listed day.
            while (Days[((int)start.DayOfWeek + 6) % 7] != schedule.ByDay[..2]) start = start.AddDays(1);
            schedule.DtStart = start;
        }
        s.Schedules.Add(schedule);
    }

    /// <summary>Every audience has some provision: an audience no draw reached is given to a few services of any activity.</summary>
    void CoverAudiences()
    {
        var services = _built.Services.Where(s => s.Kind == AssetKind.Service).ToList();
        foreach (var a in CohesionTaxonomy.Audiences)
        {
            var id = CohesionTaxonomy.TermId(CohesionTaxonomy.AudienceId, a.Code);
            if (_built.Services.Any(s => s.Terms.Any(t => t.TermId == id))) continue;
            for (var i = 0; i < 3; i++) Term(One(services), CohesionTaxonomy.AudienceId, a.Code);
        }
    }

    /// <summary>Residents' offers: first names only; most with consent recorded (the rest stay unpublished), half agreeing to their contact details being shown to partners.</summary>
    void AddOffers(int n)
    {
        var hub = PickPlace(1, 1);
        var timeBank = Organisation("timebank", hub.Ward, hub.Lsoa, reuse: 0).Org;
        for (var i = 0; i < n; i++)
        {
            var (skill, blurb, term) = DemoWords.Offers[i % DemoWords.Offers.Length];
            // Offers of conversation practice follow conversation clubs (none in the outer wards), the rest follow residents.
            var like = DemoWords.Terms.Single(t => t.Code == term);
            var (ward, wardId, lsoa) = term == "conversation-club" ? PickPlace(like.Centre, like.Outer) : PickPlace(1, 1);
            var (town, outward) = DemoWords.TownOf(ward);
            var who = One(DemoWords.FirstNames);
            var group = _rng.Chance(0.12);
            var offeredBy = group ? $"{ward} Good Neighbours group" : who;
            var at = NewVenue($"Around {ward}", ward, town, outward, lsoa, null);
            at.Address1 = null;
            var s = NewService(AssetKind.Offer, $"{char.ToUpperInvariant(skill[0])}{skill[1..]} from {offeredBy}", $"{blurb} {SyntheticNote}", timeBank, at, ward, wardId, DemoWords.Voluntary);
            s.OfferedBy = offeredBy;
            s.IsFree = true;
            s.ConsentRecordedOn = _rng.Chance(0.9) ? _today.AddDays(-_rng.Below(400)) : null;
            s.ContactConsent = s.ConsentRecordedOn is not null && _rng.Chance(0.5);
            s.Contacts.Add(new Contact
            {
                Id = NextId("contact"), ServiceId = s.Id, Name = offeredBy,
                Email = $"{Slug(who)}.{i + 1}@example.org", Phone = "07700 900" + _rng.Below(1000).ToString("000", CultureInfo.InvariantCulture),
            });
            Term(s, CohesionTaxonomy.ActivityId, term);
            Term(s, CohesionTaxonomy.AudienceId, "everyone");
            Languages(s, 0.35);
        }
    }

    /// <summary>Halls, rooms and green spaces to use or book, with capacity and how to book; green ones lean to the outer wards.</summary>
    void AddSpaces(int n)
    {
        for (var i = 0; i < n; i++)
        {
            var (spaceName, term, min, max, booking) = DemoWords.Spaces[_rng.Below(DemoWords.Spaces.Length)];
            var green = term == "green-space";
            var (ward, wardId, lsoa) = green ? PickPlace(0.5, 2) : PickPlace(1, 1);
            var (org, home) = Organisation(green ? "council" : One(["community", "faith", "school"]), ward, lsoa, reuse: 0.85);
            var phone = Phone();
            var name = green ? $"{One(DemoWords.Streets).Split(' ')[0]} {spaceName}" : $"{home.Name}: {spaceName.ToLowerInvariant()}";
            var s = NewService(AssetKind.Space, name, $"{spaceName} run by {org.Name} in {ward}. {SyntheticNote}", org, home, ward, wardId,
                DemoWords.OrgKinds.Single(k => k.Code == (green ? "council" : "community")).Maintainer);
            s.Capacity = min + _rng.Below(max - min + 1);
            s.BookingDetails = $"{booking} Phone {phone} or email {org.Email}.";
            s.Phones.Add(new Phone { Id = NextId("phone"), ServiceId = s.Id, Number = phone, Type = "voice", Description = "Bookings" });
            if (green && spaceName != "Allotments") s.IsFree = true;
            else
            {
                var rate = 10 + 5 * _rng.Below(7);
                s.FeesDescription = string.Create(CultureInfo.InvariantCulture, $"Hire from £{rate} an hour; community groups pay less.");
                s.CostOptions.Add(new CostOption { Id = NextId("cost"), ServiceId = s.Id, Option = "Hire per hour", Amount = rate, AmountDescription = s.FeesDescription });
            }
            Term(s, CohesionTaxonomy.ActivityId, term);
            Term(s, CohesionTaxonomy.AudienceId, "everyone");
        }
    }
}
