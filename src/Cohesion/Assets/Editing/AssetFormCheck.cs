using System.Globalization;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using static Cohesion.Assets.Editing.FieldRules;

namespace Cohesion.Assets.Editing;

/// <summary>A checked form: the record as it should be saved, and the organisation named (matched or created on save).</summary>
public sealed record CheckedAsset(ServiceSnapshot Record, string OrganisationName);

/// <summary>
/// Checks the add and edit form against the directory's rules and turns it into the record to save, as a
/// <see cref="ServiceSnapshot"/> (the same shape a revision restores), keeping whatever the form does not show (an
/// imported schedule's validity dates, a location's transport notes, terms from other taxonomies) from the current
/// version. Every problem is reported with the field it is in; nothing is saved unless there are none.
/// </summary>
public sealed class AssetFormCheck(EditorChoices choices, ServiceSnapshot? current, IReadOnlyDictionary<int, AreaShape> shapes, IReadOnlyList<int> lsoas,
    DateOnly today, Action<string, string> fail)
{
    /// <summary>Mainland UK, Northern Ireland, the islands and a margin: a point outside is a slip (a swapped sign or latitude and longitude).</summary>
    public const double MinLatitude = 49, MaxLatitude = 61, MinLongitude = -9, MaxLongitude = 2.5;
    public const decimal MaxAmount = 100_000;
    public const int MaxCapacity = 100_000;

    bool _failed;

    void Fail(string field, string message)
    {
        _failed = true;
        fail(field, message);
    }

    T Take<T>(Read<T> read, string field)
    {
        if (read.Problem is { } p) Fail(field, p);
        return read.Value;
    }

    public CheckedAsset? Check(AssetForm f)
    {
        var b = current ?? Revisions.Snapshot(new Service { Id = Guid.NewGuid(), Name = "", Publication = Publication.Draft });
        var kind = Choose<AssetKind>(f.Kind, "kind", "Choose what kind of asset it is");
        var name = Take(Text(f.Name, "Name", AssetLimits.NameLength, required: true), "name");
        var alternate = Take(Text(f.AlternateName, "Other name", AssetLimits.NameLength), "alternate-name");
        var description = Take(Text(f.Description, "Description", AssetLimits.DescriptionLength, required: true), "description");
        var url = Take(Url(f.Url, "Website", AssetLimits.UrlLength), "url");
        var email = Take(Email(f.Email, "Email address", AssetLimits.EmailLength), "email");
        var organisation = Take(Text(f.Organisation, "The name of the organisation that runs it", AssetLimits.NameLength, required: true), "organisation");
        var maintainerOk = choices.Maintainers.Any(m => m.Value == f.Maintainer);
        if (!maintainerOk) Fail("maintainer", $"Choose who keeps this record up to date from the list (you chose '{Clip(f.Maintainer ?? "")}')");
        var status = Choose<ServiceStatus>(f.Status, "status", "Choose whether it is running");
        var publication = Choose<Publication>(f.Publication, "publication", "Choose whether it is shown in the directory");

        var minAge = Take(Whole(f.MinAge, "Youngest age", 0, AssetLimits.MaxAge), "min-age");
        var maxAge = Take(Whole(f.MaxAge, "Oldest age", 0, AssetLimits.MaxAge), "max-age");
        if (minAge is { } lo && maxAge is { } hi && lo > hi) Fail("max-age", $"Oldest age ({hi}) must be the same as or more than the youngest age ({lo})");
        var eligibility = Take(Text(f.Eligibility, "Who can take part", AssetLimits.ShortTextLength), "eligibility");
        var application = Take(Text(f.ApplicationProcess, "How to join", AssetLimits.ShortTextLength), "application");
        var interpretation = Take(Text(f.Interpretation, "Interpreting", AssetLimits.ShortTextLength), "interpretation");
        if (f.Cost is not (null or "" or "free" or "paid")) Fail("cost", "Choose whether it is free");
        var fees = Take(Text(f.Fees, "What it costs", AssetLimits.ShortTextLength), "fees");
        var costs = Costs(f.Costs, b);

        var offeredBy = Take(Text(f.OfferedBy, "Who offers it", AssetLimits.NameLength), "offered-by");
        var consent = Take(Date(f.ConsentDay, f.ConsentMonth, f.ConsentYear, "The date they agreed to be listed"), "consent");
        if (consent is { } cd && cd > today) Fail("consent", $"The date they agreed to be listed must be today or in the past (you entered {cd:d MMMM yyyy})");
        if (kind == AssetKind.Offer && publication == Publication.Published && consent is null && !ConsentTyped(f))
            Fail("consent", "An offer cannot be published until the date the offerer agreed to be listed is recorded: enter it, or save it as a draft");
        var capacity = Take(Whole(f.Capacity, "How many people it holds", 1, MaxCapacity), "capacity");
        var booking = Take(Text(f.Booking, "How to book", AssetLimits.ShortTextLength), "booking");

        var terms = Terms(f, b);
        var languages = Languages(f.Languages, b);
        var areas = Areas(f.Areas, b);
        var locations = Locations(f.Locations, b);
        var schedules = Schedules(f.Schedules, b);
        var contacts = Contacts(f.Contacts, b);
        var phones = Phones(f.Phones, b);
        if (_failed) return null;

        int? maintainer = f.Maintainer == EditorChoices.DirectoryStaff ? null : int.Parse(f.Maintainer!, CultureInfo.InvariantCulture);
        var record = b with
        {
            Kind = kind, Name = name!, AlternateName = alternate, Description = description!, Url = url, Email = email, Status = status, Publication = publication,
            IsFree = f.Cost == "free", FeesDescription = fees, EligibilityDescription = eligibility, MinimumAge = minAge, MaximumAge = maxAge,
            ApplicationProcess = application, InterpretationServices = interpretation,
            OfferedBy = offeredBy, ConsentRecordedOn = consent, ContactConsent = f.ContactConsent, Capacity = capacity, BookingDetails = booking,
            MaintainerOrganisationId = maintainer,
            LastCheckedOn = f.Checked ? today : b.LastCheckedOn,
            Review = f.Checked ? ReviewStatus.Checked : b.Review,
            Locations = locations, Schedules = schedules, Languages = languages, CostOptions = f.Cost == "free" ? [] : costs, Contacts = contacts, Phones = phones,
            ServiceAreas = areas, TermIds = terms,
        };
        return new CheckedAsset(record, organisation!);
    }

    static bool ConsentTyped(AssetForm f) => !string.IsNullOrWhiteSpace(f.ConsentDay + f.ConsentMonth + f.ConsentYear);

    T Choose<T>(string? value, string field, string message) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
        Fail(field, message);
        return default;
    }

    /// <summary>A posted part id is kept only when it is one of this record's parts already; anything else gets a new id.</summary>
    static Guid IdOf<T>(Slot slot, IEnumerable<T> existing, Func<T, Guid> id, out T? found) where T : class
    {
        found = Guid.TryParse(slot.Id, out var g) ? existing.FirstOrDefault(x => id(x) == g) : null;
        return found is null ? Guid.NewGuid() : g;
    }

    static IEnumerable<(T Slot, int Index, int Number)> Live<T>(List<T> slots) where T : Slot =>
        slots.Select((s, i) => (s, i, i + 1)).Where(x => !x.s.Remove && !x.s.IsBlank);

    static string P(string part, int i) => $"{part}-{i.ToString(CultureInfo.InvariantCulture)}-";

    List<Guid> Terms(AssetForm f, ServiceSnapshot b)
    {
        var known = choices.Activities.Concat(choices.Audiences).Select(t => t.Id).ToHashSet();
        var picked = new List<Guid>();
        foreach (var (field, values) in new[] { ("activity", f.Activities), ("audience", f.Audiences) })
            foreach (var v in values)
            {
                if (Guid.TryParse(v, out var g) && known.Contains(g)) picked.Add(g);
                else Fail(field, $"Choose what it is for and whom it is for from the lists (you sent '{Clip(v)}')");
            }
        // The edit form shows only Cohesion's own taxonomies; terms an import brought from others stay as they were.
        return picked.Concat(b.TermIds.Where(t => !known.Contains(t) && !IsCohesionTerm(t))).Distinct().OrderBy(t => t).ToList();
    }

    static readonly HashSet<Guid> SeededTerms = CohesionTaxonomy.Entities().Terms.Select(t => t.Id).ToHashSet();
    static bool IsCohesionTerm(Guid t) => SeededTerms.Contains(t);

    List<ServiceLanguage> Languages(List<string> values, ServiceSnapshot b)
    {
        var result = new List<ServiceLanguage>();
        foreach (var v in values)
        {
            if (choices.Languages.FirstOrDefault(c => c.Value == v) is not { } c) { Fail("language", $"Choose languages from the list (you sent '{Clip(v)}')"); continue; }
            var had = b.Languages.FirstOrDefault(l => EditorChoices.LanguageValue(l) == v);
            result.Add(had ?? new ServiceLanguage { Id = Guid.NewGuid(), Name = c.Text, Code = v.StartsWith("name:", StringComparison.Ordinal) ? null : v });
        }
        return result;
    }

    List<ServiceArea> Areas(List<string> values, ServiceSnapshot b)
    {
        var result = new List<ServiceArea>();
        foreach (var v in values)
        {
            if (choices.Areas.SelectMany(g => g.Areas).FirstOrDefault(c => c.Value == v) is not { } c) { Fail("area", $"Choose areas from the list (you sent '{Clip(v)}')"); continue; }
            var had = b.ServiceAreas.FirstOrDefault(a => EditorChoices.AreaValue(a) == v);
            result.Add(had ?? new ServiceArea
            {
                Id = Guid.NewGuid(), AreaId = int.Parse(v, CultureInfo.InvariantCulture),
                Name = c.Text.StartsWith("The whole of ", StringComparison.Ordinal) ? c.Text["The whole of ".Length..] : c.Text,
            });
        }
        return result;
    }

    List<LocationSnapshot> Locations(List<LocationSlot> slots, ServiceSnapshot b)
    {
        var result = new List<LocationSnapshot>();
        foreach (var (s, i, n) in Live(slots))
        {
            var p = P("location", i);
            var id = IdOf(s, b.Locations, l => l.Id, out var had);
            var name = Take(Text(s.Name, $"Name of place {n}", AssetLimits.NameLength), p + "name");
            var a1 = Take(Text(s.Address1, $"Address line 1 of place {n}", AssetLimits.NameLength), p + "address1");
            var a2 = Take(Text(s.Address2, $"Address line 2 of place {n}", AssetLimits.NameLength), p + "address2");
            var city = Take(Text(s.City, $"Town of place {n}", AssetLimits.NameLength), p + "city");
            var postcode = Take(Postcode(s.Postcode, $"Postcode of place {n}"), p + "postcode");
            var lat = Take(Degrees(s.Latitude, $"Latitude of place {n}", MinLatitude, MaxLatitude), p + "latitude");
            var lon = Take(Degrees(s.Longitude, $"Longitude of place {n}", MinLongitude, MaxLongitude), p + "longitude");
            if (string.IsNullOrWhiteSpace(s.Latitude) != string.IsNullOrWhiteSpace(s.Longitude))
                Fail(string.IsNullOrWhiteSpace(s.Latitude) ? p + "latitude" : p + "longitude", $"Enter both the latitude and the longitude of place {n}, or neither");
            if (name is null && a1 is null && new[] { s.Postcode, s.Latitude, s.Longitude }.All(string.IsNullOrWhiteSpace)) Fail(p + "name", $"Enter the name, address or postcode of place {n}, or tick to remove it");
            var access = new List<Accessibility>();
            foreach (var v in s.Accessibility)
            {
                if (!choices.Accessibility.Contains(v)) { Fail(p + "access", $"Choose the accessibility of place {n} from the list (you sent '{Clip(v)}')"); continue; }
                access.Add(had?.Accessibility.FirstOrDefault(x => x.Description == v) ?? new Accessibility { Id = Guid.NewGuid(), LocationId = id, Description = v });
            }
            result.Add(new LocationSnapshot(id, had?.OrganisationId, had?.Kind ?? LocationKind.Physical, name, had?.Description, a1, a2, city, postcode, lat, lon,
                AreaOf(lat, lon, had), had?.Transportation, access));
        }
        return result;
    }

    /// <summary>The LSOA holding the point; a location without coordinates keeps the area it had (an import may have set it).</summary>
    int? AreaOf(double? lat, double? lon, LocationSnapshot? had)
    {
        if (lat is not { } y || lon is not { } x) return had is { Latitude: null } ? had.AreaId : null;
        return AreaShapes.Containing(shapes, new GeoPoint(y, x), lsoas).FirstOrDefault()?.AreaId;
    }

    List<Schedule> Schedules(List<ScheduleSlot> slots, ServiceSnapshot b) =>
        Parts(slots, "schedule", b.Schedules, x => x.Id, () => new Schedule { Id = Guid.NewGuid(), ServiceId = b.Id }, (s, x, had, p, n) =>
        {
            // The saved part is the one being filled in: what it was must be read before it changes.
            var (wasFreq, wasStart) = (had?.Freq, had?.DtStart);
            x.OpensAt = Take(Time(s.Opens, $"Opening time of time {n}"), p + "opens");
            x.ClosesAt = Take(Time(s.Closes, $"Closing time of time {n}"), p + "closes");
            if (x.OpensAt is { } o && x.ClosesAt is { } c && c <= o) Fail(p + "closes", $"Closing time of time {n} ({c:HH:mm}) must be after the opening time ({o:HH:mm})");
            x.Description = Take(Text(s.Description, $"Note on time {n}", AssetLimits.ShortTextLength), p + "description");
            switch (s.Repeat)
            {
                case "weekly":
                    var bad = s.Days.Where(d => !EditorLists.Weekdays.Any(w => w.Code == d)).ToList();
                    if (s.Days.Count == 0 || bad.Count > 0) Fail(p + "days", $"Choose the days of the week of time {n}");
                    x.Freq = ScheduleFrequency.Weekly;
                    x.ByDay = string.Join(",", EditorLists.Weekdays.Select(w => w.Code).Where(s.Days.Contains));
                    x.ByMonthDay = null;
                    x.DtStart = wasFreq == ScheduleFrequency.Weekly ? wasStart : null;
                    break;
                case "monthly":
                    var keepsMonthDay = had is { Freq: ScheduleFrequency.Monthly, ByMonthDay: not null } && string.IsNullOrEmpty(s.Week) && string.IsNullOrEmpty(s.Weekday);
                    if (!keepsMonthDay && (!EditorLists.Weeks.Any(w => w.Code == s.Week) || !EditorLists.Weekdays.Any(w => w.Code == s.Weekday)))
                        Fail(p + "week", $"Choose which week of the month and which day time {n} is on");
                    x.Freq = ScheduleFrequency.Monthly;
                    x.ByDay = keepsMonthDay ? null : s.Week + s.Weekday;
                    x.ByMonthDay = keepsMonthDay ? x.ByMonthDay : null;
                    x.DtStart = wasFreq == ScheduleFrequency.Monthly ? wasStart : null;
                    break;
                case "once":
                    var date = Take(Date(s.DateDay, s.DateMonth, s.DateYear, $"The date of time {n}"), p + "date");
                    if (date is null && string.IsNullOrWhiteSpace(s.DateDay + s.DateMonth + s.DateYear)) Fail(p + "date", $"Enter the date of time {n}");
                    x.Freq = null;
                    x.ByDay = null;
                    x.ByMonthDay = null;
                    x.Interval = null;
                    x.DtStart = date;
                    break;
                default:
                    Fail(p + "repeat", $"Choose whether time {n} is every week, once a month or on one date");
                    break;
            }
        });

    /// <summary>
    /// The repeated part's filled-in slots as parts: each starts from the saved part with its id (so what the form does
    /// not show is kept) or a new one, and <paramref name="fill"/> sets what the slot holds, reporting problems by field
    /// prefix (<c>contact-0-</c>) and the number people see (contact 1).
    /// </summary>
    static List<T> Parts<TSlot, T>(List<TSlot> slots, string part, IEnumerable<T> saved, Func<T, Guid> id, Func<T> create, Action<TSlot, T, T?, string, int> fill)
        where TSlot : Slot where T : class
    {
        var result = new List<T>();
        foreach (var (s, i, n) in Live(slots))
        {
            IdOf(s, saved, id, out var had);
            var x = had ?? create();
            fill(s, x, had, P(part, i), n);
            result.Add(x);
        }
        return result;
    }

    List<CostOption> Costs(List<CostSlot> slots, ServiceSnapshot b) =>
        Parts(slots, "cost", b.CostOptions, x => x.Id, () => new CostOption { Id = Guid.NewGuid(), ServiceId = b.Id }, (s, x, _, p, n) =>
        {
            x.Option = Take(Text(s.Option, $"What price {n} is for", AssetLimits.NameLength), p + "option");
            x.Amount = Take(Pounds(s.Amount, $"Price {n}", MaxAmount), p + "amount");
        });

    List<Contact> Contacts(List<ContactSlot> slots, ServiceSnapshot b) =>
        Parts(slots, "contact", b.Contacts, x => x.Id, () => new Contact { Id = Guid.NewGuid(), ServiceId = b.Id }, (s, x, _, p, n) =>
        {
            x.Name = Take(Text(s.Name, $"Name of contact {n}", AssetLimits.NameLength), p + "name");
            x.Title = Take(Text(s.Title, $"Role of contact {n}", AssetLimits.NameLength), p + "title");
            x.Email = Take(Email(s.Email, $"Email address of contact {n}", AssetLimits.EmailLength), p + "email");
            x.Phone = Take(UkPhone(s.Phone, $"Phone number of contact {n}", AssetLimits.PhoneLength), p + "phone");
        });

    List<Phone> Phones(List<PhoneSlot> slots, ServiceSnapshot b) =>
        Parts(slots, "phone", b.Phones, x => x.Id, () => new Phone { Id = Guid.NewGuid(), ServiceId = b.Id, Number = "" }, (s, x, _, p, n) =>
        {
            var number = Take(UkPhone(s.Number, $"Phone number {n}", AssetLimits.PhoneLength), p + "number");
            if (number is null && string.IsNullOrWhiteSpace(s.Number)) Fail(p + "number", $"Enter phone number {n}, or tick to remove it");
            x.Number = number ?? "";
            x.Description = Take(Text(s.Description, $"What phone number {n} is for", AssetLimits.ShortTextLength), p + "description");
        });
}
