namespace Cohesion.Accounts;

/// <summary>An append-only record of a security-relevant event: sign-ins, imports, exports, admin changes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>E-mail of the signed-in user, "cli:&lt;os user&gt;", "anonymous" or "system".</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string Target { get; set; } = "";
    public string Detail { get; set; } = "";
    public string IpAddress { get; set; } = "";
}
