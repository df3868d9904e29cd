namespace Cohesion.Surveys.Attitudes;

/// <summary>
/// Which respondents belong to a feeling thermometer's target group: the one table the attitudes page marks
/// in-group cells and measures gaps by. A rule says that respondents whose broad group on a characteristic is
/// <see cref="Rule.Group"/> (as <see cref="Results.SurveyResults.Labels"/> gives it) are members of the group the
/// thermometer <see cref="Rule.Thermometer"/> asks about. Where the survey's broad group and the thermometer's group
/// are not the same people, the rule says how they differ, and the page says so beside the figures.
/// </summary>
public static class InGroups
{
    public sealed record Rule(string Characteristic, string Group, string Thermometer, string? Caveat = null);

    public static readonly IReadOnlyList<Rule> All =
    [
        new("ethnic-group", "White", "therm-white-british", "the White group also holds White Irish, Gypsy or Irish Traveller, Roma and other White people"),
        new("ethnic-group", "Black", "therm-black"),
        new("ethnic-group", "Asian", "therm-asian"),
        new("ethnic-group", "Mixed", "therm-mixed"),
        new("religion", "Christian", "therm-christians"),
        new("religion", "Muslim", "therm-muslims"),
        new("religion", "Jewish", "therm-jews"),
        new("religion", "Hindu", "therm-hindus"),
        new("religion", "Sikh", "therm-sikhs"),
        new("religion", "No religion", "therm-no-religion"),
        new("country-of-birth", "Born outside the UK", "therm-immigrants", "people born outside the UK, whether or not they think of themselves as immigrants"),
        new("age", "16 to 34", "therm-young", "the survey's youngest age group is 16 to 34; the thermometer asks about people under 30"),
        new("age", "70 or over", "therm-older"),
        new("disability", "Disabled", "therm-disabled"),
        new("sexual-orientation", "Gay, lesbian, bisexual or other", "therm-lgb", "the group also holds people of another sexual orientation"),
        new("gender-identity", "Gender identity different from sex registered at birth (trans)", "therm-trans"),
        new("sex", "Female", "therm-women"),
        new("sex", "Male", "therm-men"),
    ];

    /// <summary>Whether respondents of <paramref name="group"/> on <paramref name="characteristic"/> are the thermometer's own group.</summary>
    public static Rule? Find(string characteristic, string group, string thermometer) =>
        All.FirstOrDefault(r => r.Characteristic == characteristic && r.Group == group && r.Thermometer == thermometer);

    /// <summary>The rule that defines the thermometer's in-group (each target has at most one).</summary>
    public static Rule? For(string thermometer) => All.FirstOrDefault(r => r.Thermometer == thermometer);
}
