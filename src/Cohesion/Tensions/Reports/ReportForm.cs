using System.Globalization;
using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Tensions.Model;

namespace Cohesion.Tensions.Reports;

/// <summary>The report form as typed (kept as text so a refused form comes back exactly as it was sent).</summary>
public sealed class ReportForm
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Time { get; set; }
    public string? Area { get; set; }
    public string? Location { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Type { get; set; }
    public List<string> Strands { get; set; } = [];
    public List<string> Factors { get; set; } = [];
    public string? Source { get; set; }
    public string? Description { get; set; }
    public string? People { get; set; }
    public string? Links { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterEmail { get; set; }
    public string? ReporterPhone { get; set; }
    public bool ReporterMayContact { get; set; }
    public string Version { get; set; } = "";

    public static ReportForm From(IFormCollection f) => new()
    {
        Day = f["occurred-day"], Month = f["occurred-month"], Year = f["occurred-year"], Time = f["time"],
        Area = f["area"], Location = f["location"], Latitude = f["latitude"], Longitude = f["longitude"],
        Type = f["type"], Strands = [.. f["strands"].Select(s => s ?? "")], Factors = [.. f["factors"].Select(s => s ?? "")],
        Source = f["source"], Description = f["description"], People = f["people"], Links = f["links"],
        ReporterName = f["reporter-name"], ReporterEmail = f["reporter-email"], ReporterPhone = f["reporter-phone"],
        ReporterMayContact = f["reporter-contact"] == "yes", Version = f["version"].ToString(),
    };

    public static ReportForm Of(TensionReport r, IEnumerable<string> links, ReportReporter? reporter, string areaCode)
    {
        var uk = UkTime.ToUk(r.OccurredAt);
        return new()
        {
            Day = uk.Day.ToString(CultureInfo.InvariantCulture), Month = uk.Month.ToString(CultureInfo.InvariantCulture), Year = uk.Year.ToString(CultureInfo.InvariantCulture),
            Time = uk.ToString("HH:mm", CultureInfo.InvariantCulture), Area = areaCode, Location = r.ExactLocation,
            Latitude = r.Latitude?.ToString("0.######", CultureInfo.InvariantCulture), Longitude = r.Longitude?.ToString("0.######", CultureInfo.InvariantCulture),
            Type = r.Type.Code(), Strands = [.. TensionWords.Each(r.Strands).Select(TensionWords.Code)], Factors = [.. TensionWords.Each(r.Factors).Select(TensionWords.Code)],
            Source = r.Source == ReportSource.MediaMonitoring ? "media-monitoring" : "partner", Description = r.Description,
            People = r.PeopleAffected?.ToString(CultureInfo.InvariantCulture), Links = string.Join(", ", links),
            ReporterName = reporter?.Name, ReporterEmail = reporter?.Email, ReporterPhone = reporter?.Phone, ReporterMayContact = reporter?.MayContact ?? false,
            Version = r.Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Checks every field (all problems at once); the input, or null with the problems reported through the check.</summary>
    public ReportInput? Check(ReportCheck check, Func<string, Guid?> findReference, Action<string, string> fail, bool withReporter, string? clientId = null)
    {
        var failed = false;
        void Fail(string field, string message) { failed = true; fail(field, message); }
        var day = FieldRules.Date(Day, Month, Year, "The date it happened");
        if (day.Problem is { } dp) Fail("occurred", dp);
        var time = FieldRules.Time(Time, "The time it happened");
        if (time.Problem is { } tp) Fail("time", tp);
        DateTime? occurred = day.Problem is null && time.Problem is null ? check.Occurred(day.Value, time.Value, "occurred", $"{Day}/{Month}/{Year} {Time}".Trim()) : null;
        var area = check.Area(Area, "area");
        var type = check.Type(Type, "type");
        var strands = check.Strands(Strands, "strands");
        var factors = check.Factors(Factors, "factors");
        var source = check.Source(Source, "source");
        var description = check.Description(Description, "description");
        var location = check.Location(Location, "location");
        var (lat, lon) = check.Coordinates(Latitude, Longitude, "latitude", "longitude");
        var people = check.People(People, "people");
        var reporter = withReporter ? check.Reporter(ReporterName, ReporterEmail, ReporterPhone, ReporterMayContact, "reporter-") : null;
        var links = new List<Guid>();
        foreach (var reference in (Links ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (findReference(reference) is { } id) links.Add(id);
            else Fail("links", $"Linked reports must be references of reports you can see, like 3F2A9C1B (you entered '{FieldRules.Clip(reference)}')");
        }
        if (failed || occurred is null || area is null || type is null || source is null || description is null) return null;
        return new ReportInput(clientId, occurred.Value, area.Id, location, lat, lon, type.Value, strands, factors, source.Value, description, people, links, reporter);
    }
}
