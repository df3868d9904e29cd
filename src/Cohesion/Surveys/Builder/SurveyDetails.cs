using System.Globalization;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Builder;

/// <summary>The details of a survey as typed on the new and edit pages (bound by field name, no prefix).</summary>
public sealed class SurveyDetailsForm
{
    public string? Title { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The area's code, from the select.</summary>
    public string? Area { get; set; }
    /// <summary>WARD, MSOA or LSOA.</summary>
    public string? Level { get; set; }
    public string? Period { get; set; }
    /// <summary>A <see cref="SurveyWeighting"/> name.</summary>
    public string? Weighting { get; set; }
    /// <summary>The lowest weight as a multiple of the mean weight; blank for no lower bound.</summary>
    [FromForm(Name = "trim-lower")] public string? TrimLower { get; set; }
    /// <summary>The highest weight as a multiple of the mean weight; blank for no upper bound.</summary>
    [FromForm(Name = "trim-upper")] public string? TrimUpper { get; set; }

    public static SurveyDetailsForm Of(Survey s) => new()
    {
        Title = s.Title, Name = s.Name, Description = s.Description, Area = s.Area?.Code, Level = s.ResidenceLevel.Token(),
        Period = s.Period, Weighting = s.Weighting.ToString(),
        TrimLower = s.WeightTrimLower?.ToString("R", CultureInfo.InvariantCulture), TrimUpper = s.WeightTrimUpper?.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>Checked details, ready to store.</summary>
public sealed record SurveyDetails(string Name, string Title, string Description, AreaInfo Area, AreaLevel Level, string Period, SurveyWeighting Weighting,
    WeightBounds? Trim)
{
    /// <summary>The longest a trimming bound may be typed: "0.25" or "2.5" needs far less.</summary>
    public const int TrimLength = 10;

    /// <summary>The levels respondents may say they live in, smallest last.</summary>
    public static readonly AreaLevel[] ResidenceLevels = [AreaLevel.Ward, AreaLevel.Msoa, AreaLevel.Lsoa];

    /// <summary>The kinds of area a survey may cover: a district, or one of its wards or MSOAs.</summary>
    public static readonly AreaLevel[] AreaLevelsSurveyed = [AreaLevel.LocalAuthority, AreaLevel.Ward, AreaLevel.Msoa];

    /// <summary>The weighting choices, in plain English, for the radios and the summary.</summary>
    public static readonly IReadOnlyList<(SurveyWeighting Value, string Label, string Hint)> Weightings =
    [
        (SurveyWeighting.None, "No weighting", "Each response counts once, or by the weight an imported file gives it."),
        (SurveyWeighting.Area, "By area", "Responses are weighted so each area counts in proportion to its census population: an area where many people answered does not outweigh one where few did."),
        (SurveyWeighting.AreaAndEthnicGroup, "By area and ethnic group", "As by area, and also so each broad ethnic group counts in proportion to its census population. It needs the ethnic group question."),
    ];

    public static string WeightingLabel(SurveyWeighting w) => Weightings.First(x => x.Value == w).Label;

    /// <summary>The weighting chosen and its trimming, for the survey's summary on its manage page.</summary>
    public static string WeightingText(Survey s) => WeightBounds.Of(s) is not { } b ? WeightingLabel(s.Weighting)
        : s.Weighting == SurveyWeighting.None ? $"{WeightingLabel(s.Weighting)} (the limits on the weights, {b}, are not used)"
        : $"{WeightingLabel(s.Weighting)}, with weights limited to {b}";

    /// <summary>
    /// Checks the form, reporting each problem by field; null when any is wrong. <paramref name="existing"/> is the
    /// survey being edited (its name is fixed then); <paramref name="placeLocked"/> keeps its area and residence
    /// level, because responses already say where people live.
    /// </summary>
    public static async Task<SurveyDetails?> CheckAsync(SurveyDetailsForm f, CohesionDb db, PlaceDirectory places, Survey? existing, bool placeLocked,
        Action<string, string> fail, CancellationToken ct)
    {
        var errors = 0;
        void Fail(string field, string message) { errors++; fail(field, message); }

        var title = f.Title?.Trim() ?? "";
        if (title.Length == 0) Fail("title", "Enter a title");
        else if (title.Length > SurveyLimits.TitleLength) Fail("title", $"Title must be {SurveyLimits.TitleLength} characters or fewer");

        var name = existing?.Name ?? (string.IsNullOrWhiteSpace(f.Name) ? SurveyNames.Slug(title) : f.Name.Trim().ToLowerInvariant());
        if (existing is null && title.Length > 0)
        {
            if (SurveyNames.Problem(name) is { } problem) Fail("name", problem);
            else if (await db.Surveys.AnyAsync(s => s.Name == name, ct)) Fail("name", $"A survey called {name} already exists: choose another short name");
        }

        var description = f.Description?.Trim() ?? "";
        if (description.Length > SurveyLimits.DescriptionLength) Fail("description", $"Description must be {SurveyLimits.DescriptionLength:N0} characters or fewer");
        var period = f.Period?.Trim() ?? "";
        if (period.Length == 0) Fail("period", "Enter the period, for example 2025 or Autumn 2025");
        else if (period.Length > SurveyLimits.PeriodLength) Fail("period", $"Period must be {SurveyLimits.PeriodLength} characters or fewer");
        if (!Enum.TryParse<SurveyWeighting>(f.Weighting, out var weighting) || !Enum.IsDefined(weighting) || int.TryParse(f.Weighting, out _))
            Fail("weighting", "Select how responses are weighted");
        // The analytics' rules (Calibrator): lower in [0, 1), upper above 1, so the lower is always below the upper.
        var lower = Bound(f.TrimLower, "trim-lower", "lowest", "0.3", x => x is >= 0 and < 1, "at least 0 and less than 1", Fail);
        var upper = Bound(f.TrimUpper, "trim-upper", "highest", "3", x => x is > 1 and <= SurveyLimits.MaxTrimUpper, $"more than 1 and at most {SurveyLimits.MaxTrimUpper:0}", Fail);

        AreaInfo? area;
        AreaLevel level;
        if (placeLocked && existing is not null)
        {
            area = places.ById.GetValueOrDefault(existing.AreaId);
            level = existing.ResidenceLevel;
        }
        else
        {
            area = places.Find(f.Area?.Trim() ?? "") is { } a && AreaLevelsSurveyed.Contains(a.Level) ? a : null;
            if (area is null) Fail("area", "Select the area the survey covers");
            if (!AreaLevels.TryParse(f.Level, out level) || !ResidenceLevels.Contains(level)) Fail("level", "Select the kind of area respondents say they live in: ward, MSOA or LSOA");
            else if (area is not null && LevelProblem(area, level) is { } problem) Fail("level", problem);
            else if (area is not null && (await ResidenceAreas.ForAsync(db, new Survey { Name = name, Title = title, Period = period, AreaId = area.Id, ResidenceLevel = level }, ct)).Count == 0)
                Fail("level", $"No {level.Plural(2)} inside {area.Name} are loaded: choose another kind of area, or load them under Places");
        }
        if (errors > 0 || area is null) return null;
        return new SurveyDetails(name, title, description, area, level, period, weighting, lower is null && upper is null ? null : new WeightBounds(lower, upper));
    }

    /// <summary>A trimming bound typed on the form: null when blank or wrong (then reported against <paramref name="field"/>, with the value).</summary>
    static double? Bound(string? text, string field, string which, string example, Func<double, bool> allowed, string range, Action<string, string> fail)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        if (t.Length > TrimLength || !double.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            fail(field, $"The {which} weight must be a number, for example {example} (you entered '{(t.Length > TrimLength ? t[..TrimLength] + "…" : t)}')");
        else if (!allowed(x))
            fail(field, $"The {which} weight must be {range} times the mean weight, for example {example} (you entered {t})");
        else return x;
        return null;
    }

    /// <summary>Why respondents cannot pick their home from areas of <paramref name="level"/> inside <paramref name="area"/>, or null.</summary>
    public static string? LevelProblem(AreaInfo area, AreaLevel level)
    {
        if (level >= area.Level) return $"The kind of area respondents live in must be smaller than the area surveyed ({area.Level.Label().ToLowerInvariant()} {area.Name}): choose {(area.Level == AreaLevel.Ward || area.Level == AreaLevel.Msoa ? "LSOA" : "ward, MSOA or LSOA")}";
        // MSOAs cross ward boundaries: a ward's respondents could pick an MSOA that is mostly outside it.
        if (area.Level == AreaLevel.Ward && level == AreaLevel.Msoa) return "MSOAs cross ward boundaries: for a survey of a ward, choose LSOA";
        return null;
    }

    /// <summary>Writes the checked details onto a survey (new or edited).</summary>
    public void ApplyTo(Survey s)
    {
        s.Title = Title;
        s.Description = Description;
        s.AreaId = Area.Id;
        s.ResidenceLevel = Level;
        s.Period = Period;
        s.Weighting = Weighting;
        s.WeightTrimLower = Trim?.Lower;
        s.WeightTrimUpper = Trim?.Upper;
    }

    /// <summary>For the audit: what the details are now.</summary>
    public string Describe() => $"\"{Title}\"; area {Area.Code}; residence {Level.Token()}; period {Period}; weighting {Weighting}; trimming {Trim?.ToString() ?? "none"}";
}
