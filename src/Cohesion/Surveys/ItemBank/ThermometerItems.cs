namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Intergroup attitudes: a feeling thermometer (0–100) towards named groups, across every protected characteristic
/// and migration status, so "how do people with different characteristics feel about each other" can be answered as
/// a matrix of mean ratings by respondent group × target group.
/// </summary>
static class ThermometerItems
{
    public const string Stem = "We'd like to get your feelings towards some groups of people in this country. Please rate each group using a scale from 0 to 100.";
    const string Hint = "Ratings between 50 and 100 mean that you feel favourable and warm towards the group. Ratings between 0 and 50 mean that you don't feel favourable towards the group. Rate the group at 50 if you don't feel particularly warm or cold towards it.";
    const string Source = "Feeling thermometer of the American National Election Studies (0–100), as used for groups in Britain by the Equality and Human Rights Commission's National Barometer of Prejudice and Discrimination (Abrams, Swift & Houston 2018)";

    /// <summary>Code suffix, group as asked, and the demographic characteristic whose answers say who belongs to it.</summary>
    public static readonly IReadOnlyList<(string Code, string Group, string Characteristic)> Targets =
    [
        ("white-british", "White British people", "ethnic-group"),
        ("black", "Black people", "ethnic-group"),
        ("asian", "Asian people", "ethnic-group"),
        ("mixed", "People of mixed ethnicity", "ethnic-group"),
        ("gypsy-traveller", "Gypsies, Roma and Irish Travellers", "ethnic-group"),
        ("christians", "Christians", "religion"),
        ("muslims", "Muslims", "religion"),
        ("jews", "Jewish people", "religion"),
        ("hindus", "Hindus", "religion"),
        ("sikhs", "Sikhs", "religion"),
        ("no-religion", "People with no religion", "religion"),
        ("immigrants", "Immigrants", "country-of-birth"),
        ("refugees", "Refugees and asylum seekers", "country-of-birth"),
        ("young", "Young people (aged under 30)", "age"),
        ("older", "Older people (aged over 70)", "age"),
        ("disabled", "Disabled people", "disability"),
        ("lgb", "Gay, lesbian and bisexual people", "sexual-orientation"),
        ("trans", "Transgender people", "gender-identity"),
        ("women", "Women", "sex"),
        ("men", "Men", "sex"),
    ];

    public static IEnumerable<Item> All() =>
        Targets.Select(t => new Item($"therm-{t.Code}", "Intergroup attitudes", t.Group, ItemKind.Thermometer, [])
        {
            Stem = Stem,
            Hint = Hint,
            Min = 0,
            Max = 100,
            TargetGroup = t.Group,
            TargetCharacteristic = t.Characteristic,
            Source = Source,
            Derivation = "Mean rating (0 very cold – 100 very warm, 50 neither) among those who gave one; also shown by the respondent's own group on each characteristic.",
        });
}
