namespace Cohesion.Places;

/// <summary>A table of counts by area and category (e.g. Census 2011 usual residents by ethnic group).</summary>
public sealed class Dataset
{
    public int Id { get; set; }
    /// <summary>Stable short name used on the command line and in URLs, e.g. <c>census2011-ethnicity</c>.</summary>
    public required string Name { get; set; }
    public required string Title { get; set; }
    public string Source { get; set; } = "";
    public string Licence { get; set; } = "";
    /// <summary>Attribution statement that must be shown wherever the data is used.</summary>
    public string Attribution { get; set; } = "";
    /// <summary>Synthetic data is labelled as such wherever it is shown.</summary>
    public bool IsSynthetic { get; set; }
    public int? OwnerOrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<DatasetCategory> Categories { get; set; } = [];
    /// <summary>What the dataset holds: census-style counts, or aggregates of a GP or school census extract.</summary>
    public DatasetKind Kind { get; set; }
    /// <summary>Who may see it at all (see <see cref="Sharing.Sensitivity"/>).</summary>
    public Sharing.Sensitivity Sensitivity { get; set; }
    /// <summary>The licence or data-sharing agreement under which partners see it, shown beside every figure.</summary>
    public string SharingAgreement { get; set; } = "";
    /// <summary>The disclosure control applied for everyone outside the owner, e.g. <c>suppress:10</c>, <c>round:5</c>, <c>none</c> (open data).</summary>
    public string DisclosurePolicy { get; set; } = "none";
    /// <summary>month, quarter or year for change datasets; empty for counts.</summary>
    public string PeriodKind { get; set; } = "";
}

/// <summary>The kinds of dataset.</summary>
public enum DatasetKind { Counts = 0, GpRegistrations = 1, SchoolCensus = 2 }

public sealed class DatasetCategory
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public required string Code { get; set; }
    public required string Label { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The column that holds the area total (e.g. Persons); not a group in diversity measures.</summary>
    public bool IsTotal { get; set; }
}

/// <summary>One count. Rows with <see cref="IsDerived"/> are sums over child areas, built at import.</summary>
public sealed class AreaCount
{
    public int DatasetId { get; set; }
    public required string Period { get; set; }
    public int AreaId { get; set; }
    public int CategoryId { get; set; }
    public long Value { get; set; }
    public bool IsDerived { get; set; }
}

/// <summary>Provenance of one import into a dataset.</summary>
public sealed class DatasetImport
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public required string Period { get; set; }
    public required string FileName { get; set; }
    public long RowsRead { get; set; }
    public long CountsStored { get; set; }
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    /// <summary>The date the extract was taken (record-level extracts only).</summary>
    public DateOnly? ExtractDate { get; set; }
    /// <summary>Rows rejected (only with --skip-bad-rows; otherwise a bad row rejects the whole file).</summary>
    public long RowsRejected { get; set; }
    /// <summary>Rejected rows by reason, one "reason: count" per line.</summary>
    public string RejectedByReason { get; set; } = "";
}
