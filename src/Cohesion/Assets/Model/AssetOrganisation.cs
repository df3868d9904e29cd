namespace Cohesion.Assets.Model;

/// <summary>
/// An organisation that runs services (HSDS organization): a charity, a faith group, a council team, a club. Not a
/// Cohesion partner account (<see cref="Cohesion.Accounts.Organisation"/>), though a partner may maintain it.
/// </summary>
public sealed class AssetOrganisation : IStewarded
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string Description { get; set; } = "";
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>Registered charity, company or similar number, as published.</summary>
    public string? LegalStatus { get; set; }
    public int? MaintainerOrganisationId { get; set; }
    public DateOnly? LastCheckedOn { get; set; }
    public ReviewStatus Review { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Service> Services { get; set; } = [];
}
