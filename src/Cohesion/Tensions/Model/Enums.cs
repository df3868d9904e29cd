namespace Cohesion.Tensions.Model;

/// <summary>What a tension report is about (issue 7's list); stored by name.</summary>
public enum ReportType
{
    HateIncident, HateCrime, CommunityDispute, ProtestOrGathering, OnlineIncitement, MediaItem, Rumour, CriminalDamage,
    AntiSocialBehaviour, Other,
}

/// <summary>
/// Motivation strands a report may carry, as bit flags stored in one integer so a report carries several and counts by
/// strand are a bit test in SQL. The first five are the strands monitored nationally for hate crime (Home Office,
/// "Hate crime, England and Wales"); the rest are enabled locally (<c>Cohesion:Tensions:LocalStrands</c>).
/// </summary>
[Flags]
public enum Strands
{
    None = 0,
    Disability = 1,
    RaceOrEthnicity = 2,
    ReligionOrBelief = 4,
    SexualOrientation = 8,
    TransgenderIdentity = 16,
    Age = 32,
    SexOrGender = 64,
    MigrationStatus = 128,
    Other = 256,
}

/// <summary>The tension factors a report or an assessment points to (community tension monitoring practice), as bit flags.</summary>
[Flags]
public enum TensionFactors
{
    None = 0,
    Language = 1,
    LackOfTrust = 2,
    MediaCoverage = 4,
    CulturalDifferences = 8,
    CompetitionForServices = 16,
    Housing = 32,
    Crime = 64,
    InternationalEvents = 128,
}

/// <summary>Who the report came from.</summary>
public enum ReportSource { Partner, PublicForm, MediaMonitoring }

/// <summary>How the report reached the app (for audit and for the counts of each channel).</summary>
public enum ReportChannel { Form, CsvImport, Api, PublicForm, Demo }

/// <summary>Where a report stands: partners' reports are accepted as they come; public ones wait for the lead's triage.</summary>
public enum ReportTriage { Accepted, Pending, Rejected }

/// <summary>How a piece of assessment evidence is known (community tension assessment practice).</summary>
public enum EvidenceKind
{
    /// <summary>Shown by reports, crime data or other records.</summary>
    Evidenced,
    /// <summary>Reported by people living or working in the area, not yet borne out by records.</summary>
    Experienced,
    /// <summary>Could arise: a planned event, an anniversary, international news.</summary>
    Potential,
}

/// <summary>The tone of a media item towards the groups it mentions.</summary>
public enum MediaTone { Negative, Neutral, Positive }

/// <summary>An alert's life: raised by detection, acknowledged by a lead, closed with an outcome.</summary>
public enum AlertState { Open, Acknowledged, Closed }

/// <summary>An action agreed in an assessment or on an alert.</summary>
public enum ActionState { Open, Done, Cancelled }

/// <summary>The words pages, exports and the API use for the enums, and the bounds of the tension level scale.</summary>
public static class TensionWords
{
    /// <summary>The assessment scale: 1 low to 5 critical.</summary>
    public const int MinLevel = 1, MaxLevel = 5;

    public static string LevelName(int level) => level switch
    {
        1 => "Low",
        2 => "Moderate",
        3 => "Elevated",
        4 => "High",
        5 => "Critical",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "levels run from 1 to 5"),
    };

    /// <summary>The five nationally monitored strands, always enabled.</summary>
    public const Strands Monitored = Strands.Disability | Strands.RaceOrEthnicity | Strands.ReligionOrBelief | Strands.SexualOrientation | Strands.TransgenderIdentity;

    public static string Label(this ReportType t) => t switch
    {
        ReportType.HateIncident => "Hate incident",
        ReportType.HateCrime => "Hate crime",
        ReportType.CommunityDispute => "Community dispute",
        ReportType.ProtestOrGathering => "Protest or gathering",
        ReportType.OnlineIncitement => "Online incitement",
        ReportType.MediaItem => "Media item",
        ReportType.Rumour => "Rumour",
        ReportType.CriminalDamage => "Criminal damage",
        ReportType.AntiSocialBehaviour => "Anti-social behaviour",
        _ => "Other",
    };

    /// <summary>The kebab-case code the CSV format, the API and URLs use (hate-incident, …).</summary>
    public static string Code(this ReportType t) => Kebab(t.ToString());

    public static string Label(Strands s) => s switch
    {
        Strands.Disability => "Disability",
        Strands.RaceOrEthnicity => "Race or ethnicity",
        Strands.ReligionOrBelief => "Religion or belief",
        Strands.SexualOrientation => "Sexual orientation",
        Strands.TransgenderIdentity => "Transgender identity",
        Strands.Age => "Age",
        Strands.SexOrGender => "Sex or gender",
        Strands.MigrationStatus => "Migration status",
        Strands.Other => "Other",
        _ => string.Join(", ", Each(s).Select(Label)),
    };

    public static string Label(TensionFactors f) => f switch
    {
        TensionFactors.Language => "Language",
        TensionFactors.LackOfTrust => "Lack of trust",
        TensionFactors.MediaCoverage => "Media coverage",
        TensionFactors.CulturalDifferences => "Cultural differences",
        TensionFactors.CompetitionForServices => "Competition for services",
        TensionFactors.Housing => "Housing",
        TensionFactors.Crime => "Crime",
        TensionFactors.InternationalEvents => "International events",
        _ => string.Join(", ", Each(f).Select(Label)),
    };

    public static string Code(Strands s) => Kebab(s.ToString());
    public static string Code(TensionFactors f) => Kebab(f.ToString());

    /// <summary>The single flags set in a combination, lowest first.</summary>
    public static IEnumerable<T> Each<T>(T flags) where T : struct, Enum
    {
        var bits = Convert.ToInt32(flags, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var v in Enum.GetValues<T>())
        {
            var b = Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
            if (b != 0 && (b & (b - 1)) == 0 && (bits & b) == b) yield return v;
        }
    }

    /// <summary>Parses a code or name (hate-incident, HateIncident, "hate incident"), case and separators ignored.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var squeezed = new string(text.Where(char.IsLetterOrDigit).ToArray());
        return Enum.GetValues<T>().Where(v => string.Equals(v.ToString(), squeezed, StringComparison.OrdinalIgnoreCase)).Select(v => (T?)v).FirstOrDefault();
    }

    static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
