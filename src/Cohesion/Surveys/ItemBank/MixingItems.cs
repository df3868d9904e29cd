namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Mixing: how often people socialise with people from different backgrounds, by setting (the Citizenship Survey's
/// question) and, as this product's extension of it, with people who differ in other characteristics.
/// </summary>
static class MixingItems
{
    const string CitizenshipSurvey = "Citizenship Survey (DCLG, 2003–2011) and Community Life Survey (DCMS) mixing question";
    const string Extension = "Cohesion's extension of the Citizenship Survey mixing question to other characteristics (same scale and definition of mixing socially)";

    public const string SettingStem = "How often, if at all, do you mix socially with people from different ethnic or religious backgrounds to yourself in each of these places?";
    public const string CharacteristicStem = "How often, if at all, do you mix socially with each of these groups of people?";
    const string MixingHint = "By mixing socially we mean mixing with people on a personal level by having informal conversations with them, as well as meeting up with people to socialise. Do not count times when you met people only for work or business, for example just to buy something.";

    /// <summary>The settings, with their codes; the product's list (work, education, leisure, worship, shops, volunteering) plus home.</summary>
    public static readonly IReadOnlyList<(string Code, string Place)> Settings =
    [
        ("work", "At work"),
        ("education", "At school, college or university, or at your children's school or nursery"),
        ("leisure", "At a pub, club, café, restaurant, or sports or leisure centre"),
        ("worship", "At a place of worship"),
        ("shops", "At the shops"),
        ("volunteering", "At a group, club or organisation you belong to, or where you volunteer"),
        ("home", "In your home or their home"),
    ];

    /// <summary>Other characteristics, as groups of people; each item is asked of everyone.</summary>
    public static readonly IReadOnlyList<(string Code, string Group, string Characteristic)> Groups =
    [
        ("age", "People who are a lot older or a lot younger than you", "age"),
        ("disability", "People whose disability or health condition is different from yours, or who are disabled when you are not (or not disabled when you are)", "disability"),
        ("sexual-orientation", "People whose sexual orientation is different from yours", "sexual-orientation"),
        ("country-of-birth", "People born in a different country from you", "country-of-birth"),
        ("income", "People who are much better off or much worse off than you", "income"),
    ];

    public static IEnumerable<Item> All()
    {
        foreach (var (code, place) in Settings)
            yield return new Item($"mix-{code}", "Mixing", place, ItemKind.Choice, Scales.MixingFrequency)
            {
                Stem = SettingStem,
                Hint = MixingHint,
                Source = CitizenshipSurvey,
                Derivation = "Percentage who mix socially with people from different ethnic or religious backgrounds at least once a month in this place, among those who go to places like it.",
            };
        foreach (var (code, group, characteristic) in Groups)
            yield return new Item($"mix-by-{code}", "Mixing", group, ItemKind.Choice, Scales.MixingFrequency)
            {
                Stem = CharacteristicStem,
                Hint = MixingHint,
                Source = Extension,
                TargetCharacteristic = characteristic,
                Derivation = "Percentage who mix socially with this group at least once a month, among those who answered.",
            };
    }
}
