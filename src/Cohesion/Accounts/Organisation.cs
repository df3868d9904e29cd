namespace Cohesion.Accounts;

public sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum OrganisationKind { Council, Nhs, Police, School, Voluntary, Other }
