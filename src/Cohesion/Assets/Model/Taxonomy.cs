namespace Cohesion.Assets.Model;

/// <summary>A classification scheme (HSDS taxonomy): Cohesion's own, or one brought in by an import (e.g. LGA service types).</summary>
public sealed class Taxonomy
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string? Uri { get; set; }
    public string? Version { get; set; }
}

/// <summary>One term of a taxonomy (HSDS taxonomy_term); <see cref="Code"/> is unique within its taxonomy.</summary>
public sealed class TaxonomyTerm
{
    public Guid Id { get; set; }
    public Guid TaxonomyId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public Guid? ParentId { get; set; }
    public string? TermUri { get; set; }
}
