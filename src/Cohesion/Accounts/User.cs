namespace Cohesion.Accounts;

public sealed class User
{
    public int Id { get; set; }
    /// <summary>Lower-cased e-mail address; the sign-in name.</summary>
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Role Role { get; set; }
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Set for one-time passwords: the user must choose a new password at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>Roles in increasing order of power.</summary>
public enum Role { Viewer = 0, Contributor = 1, Analyst = 2, Admin = 3 }
