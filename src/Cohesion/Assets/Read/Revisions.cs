using System.Text.Json;
using System.Text.Json.Serialization;
using Cohesion.Assets.Model;
using Cohesion.Data;

namespace Cohesion.Assets.Read;

/// <summary>A location as saved in a revision (the location row with its accessibility).</summary>
public sealed record LocationSnapshot(Guid Id, Guid? OrganisationId, LocationKind Kind, string? Name, string? Description, string? Address1,
    string? Address2, string? City, string? Postcode, double? Latitude, double? Longitude, int? AreaId, string? Transportation,
    IReadOnlyList<Accessibility> Accessibility);

/// <summary>
/// A service as saved in a revision: its own fields and every part, by value. The organisation is referred to by id
/// (it has its own life); locations are copied because restoring a version should bring back where it ran.
/// </summary>
public sealed record ServiceSnapshot(
    Guid Id, Guid OrganisationId, AssetKind Kind, string Name, string? AlternateName, string Description, string? Url, string? Email,
    ServiceStatus Status, Publication Publication, bool IsFree, string? FeesDescription, string? EligibilityDescription,
    int? MinimumAge, int? MaximumAge, string? ApplicationProcess, string? InterpretationServices,
    string? OfferedBy, DateOnly? ConsentRecordedOn, bool ContactConsent, int? Capacity, string? BookingDetails,
    int? MaintainerOrganisationId, DateOnly? LastCheckedOn, ReviewStatus Review, int Version, bool IsSynthetic,
    IReadOnlyList<LocationSnapshot> Locations, IReadOnlyList<Schedule> Schedules, IReadOnlyList<ServiceLanguage> Languages,
    IReadOnlyList<CostOption> CostOptions, IReadOnlyList<Contact> Contacts, IReadOnlyList<Phone> Phones,
    IReadOnlyList<ServiceArea> ServiceAreas, IReadOnlyList<Guid> TermIds);

/// <summary>
/// Every saved version of a service, as JSON in <c>as_revisions</c>: forms, restores and imports all record one, so
/// the history shows who changed what and when whichever way the change came.
/// </summary>
public static class Revisions
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The service (loaded <see cref="ServiceQueries.WithParts"/>) as a snapshot.</summary>
    public static ServiceSnapshot Snapshot(Service s) => new(
        s.Id, s.OrganisationId, s.Kind, s.Name, s.AlternateName, s.Description, s.Url, s.Email, s.Status, s.Publication, s.IsFree,
        s.FeesDescription, s.EligibilityDescription, s.MinimumAge, s.MaximumAge, s.ApplicationProcess, s.InterpretationServices,
        s.OfferedBy, s.ConsentRecordedOn, s.ContactConsent, s.Capacity, s.BookingDetails, s.MaintainerOrganisationId, s.LastCheckedOn,
        s.Review, s.Version, s.IsSynthetic,
        s.Locations.Where(l => l.Location is not null).Select(l => l.Location!).Select(l => new LocationSnapshot(l.Id, l.OrganisationId, l.Kind,
            l.Name, l.Description, l.Address1, l.Address2, l.City, l.Postcode, l.Latitude, l.Longitude, l.AreaId, l.Transportation,
            l.Accessibility.ToList())).ToList(),
        s.Schedules.ToList(), s.Languages.ToList(), s.CostOptions.ToList(), s.Contacts.ToList(), s.Phones.ToList(),
        s.ServiceAreas.ToList(), s.Terms.Select(t => t.TermId).OrderBy(t => t).ToList());

    public static string Serialise(ServiceSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);

    public static ServiceSnapshot Deserialise(string json) =>
        JsonSerializer.Deserialize<ServiceSnapshot>(json, Json) ?? throw new JsonException("empty revision");

    /// <summary>Adds the revision for the service's current <see cref="Service.Version"/> (the caller saves).</summary>
    public static AssetRevision Record(CohesionDb db, Service service, string changedBy, string summary, DateTime at)
    {
        var revision = new AssetRevision
        {
            ServiceId = service.Id, Version = service.Version, SnapshotJson = Serialise(Snapshot(service)), ChangedAt = at,
            ChangedBy = changedBy, Summary = summary.Length > AssetLimits.SummaryLength ? summary[..AssetLimits.SummaryLength] : summary,
        };
        db.AssetRevisions.Add(revision);
        return revision;
    }
}
