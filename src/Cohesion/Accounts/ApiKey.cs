namespace Cohesion.Accounts;

/// <summary>
/// A key an organisation's own system uses to call the JSON API on its behalf. Only a SHA-256 hash of the secret is
/// stored; the secret is shown once, when created. The prefix (the key's first characters) lets people tell keys
/// apart in lists and audit without the secret.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public int? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
