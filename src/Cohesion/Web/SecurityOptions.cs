using System.ComponentModel.DataAnnotations;

namespace Cohesion.Web;

public sealed class SecurityOptions
{
    public const string Section = "Cohesion:Security";
    /// <summary>Failed sign-ins before an account is locked.</summary>
    [Range(1, 100)] public int MaxFailedSignIns { get; set; } = 5;
    [Range(1, 1440)] public int LockoutMinutes { get; set; } = 15;
    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 100000)] public int SignInPermitPerMinute { get; set; } = 10;
    [Range(5, 1440)] public int SessionMinutes { get; set; } = 480;
}
