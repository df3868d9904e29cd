using System.Text.RegularExpressions;

namespace Cohesion.Surveys;

/// <summary>
/// A survey's short name: it is the last part of its address (/surveys/NAME), the CLI's --survey and the API's key.
/// The fixed pages under /surveys/ take some words, so a survey may not be called by them, or its pages could never
/// be reached.
/// </summary>
public static partial class SurveyNames
{
    /// <summary>The fixed addresses under /surveys/ (the builder, the item bank, the methodology, Place Standard links, downloads, save-and-return).</summary>
    public static readonly IReadOnlyList<string> Reserved = ["new", "items", "methodology", "place", "export", "resume"];

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Pattern();

    /// <summary>Why <paramref name="name"/> cannot be a survey's name, or null when it can (uniqueness is the database's to check).</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "Enter a short name of letters, digits, hyphens (-) and underscores (_)";
        if (name.Length > Model.SurveyLimits.NameLength) return $"Short name must be {Model.SurveyLimits.NameLength} characters or fewer";
        if (!Pattern().IsMatch(name)) return "Short name must be letters, digits, hyphens (-) and underscores (_) only, with no spaces";
        if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            return $"Short name cannot be '{name}': the address /surveys/{name} is taken by another page. Choose another";
        return null;
    }

    /// <summary>A short name from a title: "Oldham cohesion survey 2025" → "oldham-cohesion-survey-2025" (empty when nothing is left).</summary>
    public static string Slug(string title)
    {
        var s = Regex.Replace(title.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return s.Length <= Model.SurveyLimits.NameLength ? s : s[..Model.SurveyLimits.NameLength].TrimEnd('-');
    }
}
