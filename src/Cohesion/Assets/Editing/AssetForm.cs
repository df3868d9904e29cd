using System.Globalization;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Microsoft.Extensions.Primitives;

namespace Cohesion.Assets.Editing;

/// <summary>A repeated part of the form (a location, a time, a contact…): its id when it is saved already, and whether to remove it.</summary>
public abstract class Slot
{
    public string Id { get; set; } = "";
    public bool Remove { get; set; }
    /// <summary>Nothing typed in it: ignored on save (the form always offers an empty one to fill in).</summary>
    public abstract bool IsBlank { get; }
    protected static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}

public sealed class LocationSlot : Slot
{
    public string? Name, Address1, Address2, City, Postcode, Latitude, Longitude;
    public List<string> Accessibility { get; set; } = [];
    public override bool IsBlank => Blank(Name, Address1, Address2, City, Postcode, Latitude, Longitude) && Accessibility.Count == 0;
}

public sealed class ScheduleSlot : Slot
{
    /// <summary>weekly, monthly or once.</summary>
    public string? Repeat, Week, Weekday, DateDay, DateMonth, DateYear, Opens, Closes, Description;
    public List<string> Days { get; set; } = [];
    public override bool IsBlank => Blank(Repeat, DateDay, DateMonth, DateYear, Opens, Closes, Description) && Days.Count == 0;
}

public sealed class ContactSlot : Slot
{
    public string? Name, Title, Email, Phone;
    public override bool IsBlank => Blank(Name, Title, Email, Phone);
}

public sealed class PhoneSlot : Slot
{
    public string? Number, Description;
    public override bool IsBlank => Blank(Number, Description);
}

public sealed class CostSlot : Slot
{
    public string? Option, Amount;
    public override bool IsBlank => Blank(Option, Amount);
}

/// <summary>
/// The add and edit form as typed: every field a string, so a value that is refused is shown back as it was typed.
/// Field names are also the ids the error summary links to (<c>name</c>, <c>location-0-postcode</c>…), read straight
/// from the posted form. Repeated parts carry a count, and "Add another" posts the form back with one more empty slot,
/// so the form works without JavaScript.
/// </summary>
public sealed class AssetForm
{
    /// <summary>More parts than this in one record is not a directory entry but a paste gone wrong.</summary>
    public const int MaxSlots = 30;

    public string Version = "";
    public string? Kind, Name, AlternateName, Description, Url, Email, Organisation, Maintainer, Status, Publication;
    public string? MinAge, MaxAge, Eligibility, ApplicationProcess, Interpretation, Cost, Fees;
    public string? OfferedBy, ConsentDay, ConsentMonth, ConsentYear, Capacity, Booking;
    public bool ContactConsent, Checked;
    public List<string> Activities = [], Audiences = [], Languages = [], Areas = [];
    public List<LocationSlot> Locations = [];
    public List<ScheduleSlot> Schedules = [];
    public List<ContactSlot> Contacts = [];
    public List<PhoneSlot> Phones = [];
    public List<CostSlot> Costs = [];

    /// <summary>The repeated part "Add another" asked for (location, schedule, contact, phone, cost), or null for a save.</summary>
    public string? Adding;

    public static AssetForm From(IFormCollection f)
    {
        string? S(string key) => f.TryGetValue(key, out var v) ? v.ToString() : null;
        List<string> L(string key) => f.TryGetValue(key, out var v) ? Values(v) : [];
        var form = new AssetForm
        {
            Version = S("version") ?? "", Kind = S("kind"), Name = S("name"), AlternateName = S("alternate-name"), Description = S("description"),
            Url = S("url"), Email = S("email"), Organisation = S("organisation"), Maintainer = S("maintainer"), Status = S("status"), Publication = S("publication"),
            MinAge = S("min-age"), MaxAge = S("max-age"), Eligibility = S("eligibility"), ApplicationProcess = S("application"), Interpretation = S("interpretation"),
            Cost = S("cost"), Fees = S("fees"), OfferedBy = S("offered-by"),
            ConsentDay = S("consent-day"), ConsentMonth = S("consent-month"), ConsentYear = S("consent-year"),
            ContactConsent = S("contact-consent") == "yes", Capacity = S("capacity"), Booking = S("booking"), Checked = S("checked") == "yes",
            Activities = L("activity"), Audiences = L("audience"), Languages = L("language"), Areas = L("area"),
            Adding = S("add"),
        };
        form.Locations = Slots(f, "location", (p, s) => new LocationSlot
        {
            Name = s(p + "name"), Address1 = s(p + "address1"), Address2 = s(p + "address2"), City = s(p + "city"), Postcode = s(p + "postcode"),
            Latitude = s(p + "latitude"), Longitude = s(p + "longitude"), Accessibility = f.TryGetValue(p + "access", out var a) ? Values(a) : [],
        });
        form.Schedules = Slots(f, "schedule", (p, s) => new ScheduleSlot
        {
            Repeat = s(p + "repeat"), Week = s(p + "week"), Weekday = s(p + "weekday"), DateDay = s(p + "date-day"), DateMonth = s(p + "date-month"),
            DateYear = s(p + "date-year"), Opens = s(p + "opens"), Closes = s(p + "closes"), Description = s(p + "description"),
            Days = f.TryGetValue(p + "days", out var d) ? Values(d) : [],
        });
        form.Contacts = Slots(f, "contact", (p, s) => new ContactSlot { Name = s(p + "name"), Title = s(p + "title"), Email = s(p + "email"), Phone = s(p + "phone") });
        form.Phones = Slots(f, "phone", (p, s) => new PhoneSlot { Number = s(p + "number"), Description = s(p + "description") });
        form.Costs = Slots(f, "cost", (p, s) => new CostSlot { Option = s(p + "option"), Amount = s(p + "amount") });
        if (form.Adding is { } adding) form.AddSlot(adding);
        return form;
    }

    static List<string> Values(StringValues v) => v.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()).Distinct().Take(200).ToList();

    static List<T> Slots<T>(IFormCollection f, string prefix, Func<string, Func<string, string?>, T> read) where T : Slot
    {
        int.TryParse(f[prefix + "-count"], NumberStyles.None, CultureInfo.InvariantCulture, out var n);
        var slots = new List<T>();
        for (var i = 0; i < Math.Min(n, MaxSlots); i++)
        {
            var p = $"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}-";
            var slot = read(p, key => f.TryGetValue(key, out var v) ? v.ToString() : null);
            slot.Id = f[p + "id"].ToString();
            slot.Remove = f[p + "remove"] == "yes";
            slots.Add(slot);
        }
        return slots;
    }

    /// <summary>One more empty slot of the named part, within <see cref="MaxSlots"/>.</summary>
    public void AddSlot(string part)
    {
        switch (part)
        {
            case "location" when Locations.Count < MaxSlots: Locations.Add(new LocationSlot()); break;
            case "schedule" when Schedules.Count < MaxSlots: Schedules.Add(new ScheduleSlot()); break;
            case "contact" when Contacts.Count < MaxSlots: Contacts.Add(new ContactSlot()); break;
            case "phone" when Phones.Count < MaxSlots: Phones.Add(new PhoneSlot()); break;
            case "cost" when Costs.Count < MaxSlots: Costs.Add(new CostSlot()); break;
        }
    }

    /// <summary>Each repeated part offers an empty slot when it has none, so there is always somewhere to type.</summary>
    public AssetForm WithEmptySlots()
    {
        if (Locations.Count == 0) Locations.Add(new LocationSlot());
        if (Schedules.Count == 0) Schedules.Add(new ScheduleSlot());
        if (Contacts.Count == 0) Contacts.Add(new ContactSlot());
        if (Phones.Count == 0) Phones.Add(new PhoneSlot());
        if (Costs.Count == 0) Costs.Add(new CostSlot());
        return this;
    }

    static string? Inv(IFormattable? x, string? format = null) => x?.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The form filled in from a saved record (its current version, or a version being looked at).</summary>
    public static AssetForm Of(ServiceSnapshot s, string organisationName)
    {
        var form = new AssetForm
        {
            Version = Inv(s.Version)!, Kind = s.Kind.ToString(), Name = s.Name, AlternateName = s.AlternateName, Description = s.Description,
            Url = s.Url, Email = s.Email, Organisation = organisationName, Maintainer = EditorChoices.MaintainerValue(s.MaintainerOrganisationId),
            Status = s.Status.ToString(), Publication = s.Publication.ToString(),
            MinAge = Inv(s.MinimumAge), MaxAge = Inv(s.MaximumAge), Eligibility = s.EligibilityDescription, ApplicationProcess = s.ApplicationProcess,
            Interpretation = s.InterpretationServices, Cost = s.IsFree ? "free" : s.CostOptions.Count > 0 || s.FeesDescription is not null ? "paid" : null,
            Fees = s.FeesDescription, OfferedBy = s.OfferedBy,
            ConsentDay = Inv(s.ConsentRecordedOn?.Day), ConsentMonth = Inv(s.ConsentRecordedOn?.Month), ConsentYear = Inv(s.ConsentRecordedOn?.Year),
            ContactConsent = s.ContactConsent, Capacity = Inv(s.Capacity), Booking = s.BookingDetails,
            Languages = s.Languages.Select(EditorChoices.LanguageValue).Distinct().ToList(),
            Areas = s.ServiceAreas.Select(EditorChoices.AreaValue).Distinct().ToList(),
            // Terms go to whichever list shows them; the form sorts them by taxonomy.
            Activities = s.TermIds.Select(t => t.ToString()).ToList(),
            Audiences = s.TermIds.Select(t => t.ToString()).ToList(),
        };
        form.Locations = s.Locations.Select(l => new LocationSlot
        {
            Id = l.Id.ToString(), Name = l.Name, Address1 = l.Address1, Address2 = l.Address2, City = l.City, Postcode = l.Postcode,
            Latitude = Inv(l.Latitude, "0.######"), Longitude = Inv(l.Longitude, "0.######"), Accessibility = l.Accessibility.Select(a => a.Description).ToList(),
        }).ToList();
        form.Schedules = s.Schedules.Select(ScheduleSlotOf).ToList();
        form.Contacts = s.Contacts.Select(c => new ContactSlot { Id = c.Id.ToString(), Name = c.Name, Title = c.Title, Email = c.Email, Phone = c.Phone }).ToList();
        form.Phones = s.Phones.Select(p => new PhoneSlot { Id = p.Id.ToString(), Number = p.Number, Description = p.Description }).ToList();
        form.Costs = s.CostOptions.Select(c => new CostSlot { Id = c.Id.ToString(), Option = c.Option, Amount = Inv(c.Amount, "0.00") }).ToList();
        return form;
    }

    static ScheduleSlot ScheduleSlotOf(Schedule x)
    {
        var slot = new ScheduleSlot { Id = x.Id.ToString(), Opens = Inv(x.OpensAt, "HH:mm"), Closes = Inv(x.ClosesAt, "HH:mm"), Description = x.Description };
        var days = (x.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (x.Freq)
        {
            case ScheduleFrequency.Weekly:
                slot.Repeat = "weekly";
                slot.Days = days.ToList();
                break;
            case ScheduleFrequency.Monthly when days.Length > 0 && days[0].Length >= 2:
                slot.Repeat = "monthly";
                slot.Week = days[0][..^2];
                slot.Weekday = days[0][^2..];
                break;
            case ScheduleFrequency.Monthly:
                slot.Repeat = "monthly";
                break;
            default:
                slot.Repeat = "once";
                slot.DateDay = Inv(x.DtStart?.Day);
                slot.DateMonth = Inv(x.DtStart?.Month);
                slot.DateYear = Inv(x.DtStart?.Year);
                break;
        }
        return slot;
    }
}
