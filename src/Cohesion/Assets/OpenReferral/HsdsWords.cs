using System.Globalization;
using Cohesion.Assets.Model;

namespace Cohesion.Assets.OpenReferral;

/// <summary>How Cohesion's values are written in HSDS and read back: one place for each format, so the export and the import agree.</summary>
public static class HsdsWords
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Id(Guid id) => id.ToString("D");
    public static string? Id(Guid? id) => id is { } g ? Id(g) : null;
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", Inv);
    /// <summary>Wall-clock local time, HH:MM as the profile describes it (no zone: a session at 10:00 is at 10:00 in summer and winter).</summary>
    public static string? Time(TimeOnly? t) => t?.ToString("HH:mm", Inv);
    /// <summary>RFC 3339 in UTC with milliseconds, as the profile asks of last_modified.</summary>
    public static string Timestamp(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv);

    public static string? Freq(ScheduleFrequency? f) => f switch { ScheduleFrequency.Weekly => "WEEKLY", ScheduleFrequency.Monthly => "MONTHLY", _ => null };

    /// <summary>The ONS linked-data address of a GSS area code, which an import reads back to the area.</summary>
    public const string OnsAreaPrefix = "http://statistics.data.gov.uk/id/statistical-geography/";

    /// <summary>Ids for the parts HSDS gives an id and Cohesion keeps inside another row (an address, a contact's phone, an attribute, the free option).</summary>
    public static Guid AddressId(Guid locationId) => StableId.For($"hsds:address:{locationId:D}");
    public static Guid ContactPhoneId(Guid contactId) => StableId.For($"hsds:contact-phone:{contactId:D}");
    public static Guid AttributeId(Guid serviceId, Guid termId) => StableId.For($"hsds:attribute:{serviceId:D}:{termId:D}");
    /// <summary>A free service with no cost options is written with one option of amount 0 under this id, and read back as free.</summary>
    public static Guid FreeOptionId(Guid serviceId) => StableId.For($"hsds:free:{serviceId:D}");
    public const string FreeOption = "Free";
}
