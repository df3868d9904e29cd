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
    /// <summary>
    /// Public form submissions and saves (surveys, Place Standard) allowed per client address per minute. Generous,
    /// because a community event's tablets or a library's computers share one address; low enough that a script
    /// cannot pour in responses.
    /// </summary>
    [Range(1, 100000)] public int PublicFormPermitPerMinute { get; set; } = 20;
    [Range(5, 1440)] public int SessionMinutes { get; set; } = 480;
}
