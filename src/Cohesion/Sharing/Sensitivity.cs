namespace Cohesion.Sharing;

/// <summary>
/// Who may see a dataset at all. Whatever the sensitivity, only the owner organisation's users see exact
/// figures; everyone else sees the dataset's disclosure-controlled values (<see cref="Cohesion.Places.Dataset.DisclosurePolicy"/>).
/// </summary>
public enum Sensitivity
{
    /// <summary>Anyone, signed in or not, may see the disclosure-controlled figures (published statistics).</summary>
    Open = 0,
    /// <summary>Signed-in users of any partner organisation may see the disclosure-controlled figures; the public may not.</summary>
    Partners = 1,
    /// <summary>Only the owner organisation's users may see the dataset.</summary>
    OwnerOnly = 2,
}

public static class SensitivityText
{
    public static string Label(Sensitivity s) => s switch
    {
        Sensitivity.Open => "Open: published with disclosure control",
        Sensitivity.Partners => "Partners: signed-in partner organisations, with disclosure control",
        _ => "Owner only",
    };

    public static string Code(Sensitivity s) => s switch { Sensitivity.Open => "open", Sensitivity.Partners => "partners", _ => "owner-only" };

    public static Sensitivity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "open" => Sensitivity.Open,
        "partners" => Sensitivity.Partners,
        "owner-only" or "owner" => Sensitivity.OwnerOnly,
        _ => null,
    };
}
