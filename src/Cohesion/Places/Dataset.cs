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
}

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
}
