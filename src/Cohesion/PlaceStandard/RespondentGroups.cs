namespace Cohesion.PlaceStandard;

/// <summary>One answer to a question about the respondent: its code (files, the API) and its label.</summary>
public sealed record GroupCode(string Code, string Label);

/// <summary>
/// A question about the respondent that results can be broken down by. All are optional: "prefer not to say" is
/// stored as nothing. <see cref="Values"/> are the answers as asked and stored.
/// </summary>
public sealed record RespondentQuestion(string Key, string Label, string Question, string? Hint, IReadOnlyList<GroupCode> Values)
{
    public GroupCode? Find(string? code) => Values.FirstOrDefault(v => string.Equals(v.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The optional questions about respondents (GSS harmonised standards, Census 2021 wording for England and Wales),
/// and the ways results can be broken down. No question identifies a person; small groups are withheld anyway.
/// </summary>
public static class RespondentGroups
{
    public static readonly RespondentQuestion AgeBand = new("age_band", "Age", "What is your age?", null,
    [
        new("under-16", "Under 16"), new("16-24", "16 to 24"), new("25-34", "25 to 34"), new("35-44", "35 to 44"),
        new("45-54", "45 to 54"), new("55-64", "55 to 64"), new("65-74", "65 to 74"), new("75+", "75 or over"),
    ]);

    public static readonly RespondentQuestion Sex = new("sex", "Sex", "What is your sex?", null, [new("female", "Female"), new("male", "Male")]);

    public static readonly RespondentQuestion EthnicGroup = new("ethnic_group", "Ethnic group", "What is your ethnic group?", "Choose the one that best describes your ethnic group or background.",
    [
        new("white-british", "White: English, Welsh, Scottish, Northern Irish or British"),
        new("white-irish", "White: Irish"),
        new("white-gypsy-traveller", "White: Gypsy or Irish Traveller"),
        new("white-roma", "White: Roma"),
        new("white-other", "White: any other White background"),
        new("mixed-white-black-caribbean", "Mixed or Multiple: White and Black Caribbean"),
        new("mixed-white-black-african", "Mixed or Multiple: White and Black African"),
        new("mixed-white-asian", "Mixed or Multiple: White and Asian"),
        new("mixed-other", "Mixed or Multiple: any other Mixed or Multiple background"),
        new("asian-indian", "Asian or Asian British: Indian"),
        new("asian-pakistani", "Asian or Asian British: Pakistani"),
        new("asian-bangladeshi", "Asian or Asian British: Bangladeshi"),
        new("asian-chinese", "Asian or Asian British: Chinese"),
        new("asian-other", "Asian or Asian British: any other Asian background"),
        new("black-african", "Black, Black British, Caribbean or African: African"),
        new("black-caribbean", "Black, Black British, Caribbean or African: Caribbean"),
        new("black-other", "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background"),
        new("other-arab", "Other ethnic group: Arab"),
        new("other-any", "Other ethnic group: any other ethnic group"),
    ]);

    /// <summary>The five broad groups of the Census 2021 question.</summary>
    public static readonly IReadOnlyList<GroupCode> BroadEthnicGroups =
    [
        new("asian", "Asian or Asian British"), new("black", "Black, Black British, Caribbean or African"), new("mixed", "Mixed or Multiple"),
        new("white", "White"), new("other", "Other ethnic group"),
    ];

    public static readonly RespondentQuestion Disability = new("disability", "Disability",
        "Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, at least 12 months?",
        "Include problems related to old age.",
        [new("yes-a-lot", "Yes, limited a lot"), new("yes-a-little", "Yes, limited a little"), new("no", "No")]);

    /// <summary>The questions in the order the form asks them.</summary>
    public static readonly IReadOnlyList<RespondentQuestion> Questions = [AgeBand, Sex, EthnicGroup, Disability];

    /// <summary>A way to break results down: by a question (mapped to broader groups where it has them) or by what the assessment is.</summary>
    public sealed record Breakdown(string Key, string Label, IReadOnlyList<GroupCode> Groups, Func<AssessmentFacts, string?> GroupOf);

    /// <summary>What a breakdown needs to know about an assessment.</summary>
    public sealed record AssessmentFacts(AssessmentKind Kind, string? GroupLabel, string? AgeBand, string? Sex, string? EthnicGroup, string? Disability);

    public static readonly IReadOnlyList<Breakdown> Breakdowns =
    [
        new("kind", "Individual or group", [new("individual", "Individual assessments"), new("group", "Group assessments")], a => a.Kind == AssessmentKind.Group ? "group" : "individual"),
        new("age_band", "Age", AgeBand.Values, a => a.AgeBand),
        new("sex", "Sex", Sex.Values, a => a.Sex),
        new("ethnic_group", "Ethnic group (broad)", BroadEthnicGroups, a => a.EthnicGroup is { } e ? e[..e.IndexOf('-')] : null),
        new("ethnic_group_detailed", "Ethnic group (detailed)", EthnicGroup.Values, a => a.EthnicGroup),
        new("disability", "Disability", [new("disabled", "Disabled (day-to-day activities limited)"), new("not-disabled", "Not disabled")],
            a => a.Disability switch { null => null, "no" => "not-disabled", _ => "disabled" }),
    ];

    /// <summary>The breakdown by group label: its groups are the labels the engagement's group assessments have.</summary>
    public static Breakdown ByGroupLabel(IEnumerable<string> labels) =>
        new("group_label", "Group", labels.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).Select(l => new GroupCode(l, l)).ToList(), a => a.GroupLabel);

    public const string NotStated = "Not stated";
}
