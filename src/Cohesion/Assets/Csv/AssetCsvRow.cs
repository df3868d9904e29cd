using Cohesion.Assets.Model;

namespace Cohesion.Assets.Csv;

/// <summary>One checked row of an asset CSV: every cell parsed, and each multi-valued cell also in its normal written form for comparison.</summary>
public sealed class AssetCsvRow
{
    public long Line { get; init; }
    public Guid? Id { get; init; }
    public AssetKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Organisation { get; init; }
    public string Description { get; init; } = "";
    public string? Url { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public ServiceStatus Status { get; init; }
    public string? Address1 { get; init; }
    public string? Town { get; init; }
    public string? Postcode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public IReadOnlyList<Guid> ActivityTerms { get; init; } = [];
    public IReadOnlyList<Guid> AudienceTerms { get; init; } = [];
    public IReadOnlyList<(string Code, string Name)> Languages { get; init; } = [];
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public bool IsFree { get; init; }
    public string? Cost { get; init; }
    public IReadOnlyList<Schedule> Schedules { get; init; } = [];
    public int? Capacity { get; init; }
    public string? Booking { get; init; }
    public DateOnly? LastChecked { get; init; }
    public int? MaintainerId { get; init; }

    public bool HasLocation => Address1 is not null || Town is not null || Postcode is not null || Latitude is not null;
}
