using Cohesion.Places;

namespace Cohesion.Change.Read;

/// <summary>A change dataset's description, as every page and endpoint shows it beside the figures.</summary>
public sealed record ChangeDataset(
    int Id, string Name, string Title, DatasetKind Kind, string PeriodKind, int? OwnerOrganisationId, string OwnerName,
    Sharing.Sensitivity Sensitivity, string Agreement, string Policy, bool IsSynthetic, string Source,
    DateOnly? ExtractDate, DateTime? ImportedAt, long RowsRead, long RowsRejected)
{
    public Dataset AsDataset() => new()
    {
        Id = Id, Name = Name, Title = Title, Kind = Kind, OwnerOrganisationId = OwnerOrganisationId, Sensitivity = Sensitivity,
        DisclosurePolicy = Policy, IsSynthetic = IsSynthetic,
    };
}

/// <summary>
/// Every figure of one change dataset as one viewer class sees it (exact for the owner, published for everyone
/// else), unpacked once per import and shared by all requests. Built only from the one column the viewer may
/// see, so an exact value cannot reach a non-owner through any read made of it.
/// </summary>
public sealed class ChangeCube
{
    readonly Dictionary<int, int[]?[]> _byArea;

    internal ChangeCube(ChangeDataset dataset, bool exact, string[] periods, StoredMeasure[] measures, string[] codes, string[] labels, Dictionary<int, int[]?[]> byArea)
    {
        Dataset = dataset;
        Exact = exact;
        Periods = periods;
        Measures = measures;
        Codes = codes;
        Labels = labels;
        _byArea = byArea;
        Slot = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _measureIndex = new int[measures.Max(m => (int)m) + 1];
        Array.Fill(_measureIndex, -1);
        for (var m = 0; m < measures.Length; m++) _measureIndex[(int)measures[m]] = m;
    }

    // Measure → its packed position, so Get (called per figure by rankings, maps and flags) does no search.
    readonly int[] _measureIndex;

    public ChangeDataset Dataset { get; }
    /// <summary>True for the owner's view: exact values; false: the published, disclosure-controlled values.</summary>
    public bool Exact { get; }
    /// <summary>Period labels in order (2024-03, 2024-Q1 or 2024).</summary>
    public string[] Periods { get; }
    public StoredMeasure[] Measures { get; }
    /// <summary>Stored category codes (<c>all</c>, <c>sex:F</c>, <c>ethnic_group:Pakistani</c>…) in slot order.</summary>
    public string[] Codes { get; }
    public string[] Labels { get; }
    public IReadOnlyDictionary<string, int> Slot { get; }
    public IEnumerable<int> AreaIds => _byArea.Keys;
    public bool HasArea(int areaId) => _byArea.ContainsKey(areaId);

    /// <summary>A count: null where withheld; 0 where the area had nothing that period.</summary>
    public long? Get(int areaId, int period, StoredMeasure measure, int slot = 0)
    {
        var m = (int)measure < _measureIndex.Length ? _measureIndex[(int)measure] : -1;
        if (m < 0) throw new ArgumentException($"{measure} is not a measure of this dataset", nameof(measure));
        if (!_byArea.TryGetValue(areaId, out var periods) || periods[period] is not { } v) return 0;
        var i = m * Codes.Length + slot;
        if (i >= v.Length) return 0;
        return v[i] == PackedFigures.Withheld ? null : v[i];
    }

    /// <summary>
    /// A rate per <paramref name="per"/> of a count over a base: null when either is withheld or the base is 0.
    /// For the published view both are published values, so a rate never reveals more than its parts.
    /// </summary>
    public double? Rate(int areaId, int period, StoredMeasure count, StoredMeasure baseMeasure, int slot = 0, double per = 1000) =>
        Get(areaId, period, count, slot) is { } c && Get(areaId, period, baseMeasure, slot) is { } b && b > 0 ? c * per / b : null;

    /// <summary>Churn per 1,000: (inflow + outflow) / registered at the start × 1,000.</summary>
    public double? Churn(int areaId, int period, int slot = 0) =>
        Get(areaId, period, StoredMeasure.Inflow, slot) is { } i && Get(areaId, period, StoredMeasure.Outflow, slot) is { } o
        && Get(areaId, period, StoredMeasure.StartStock, slot) is { } b && b > 0 ? (i + o) * 1000.0 / b : null;

    /// <summary>The slots of one characteristic (<c>sex</c>, <c>age_band</c>, <c>ethnic_group</c>, <c>main_language</c>, <c>year_group</c>).</summary>
    public IEnumerable<int> SlotsOf(string characteristic) =>
        Enumerable.Range(0, Codes.Length).Where(i => Codes[i].StartsWith(characteristic + ":", StringComparison.Ordinal));

    public int PeriodIndex(string label) => Array.IndexOf(Periods, label);
}
