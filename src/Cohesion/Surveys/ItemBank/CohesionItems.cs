namespace Cohesion.Surveys.ItemBank;

/// <summary>The Community Life Survey's cohesion, belonging, influence and community-strength questions.</summary>
static class CohesionItems
{
    const string Cls = "Community Life Survey (DCMS), questionnaire 2021/22 onwards; the cohesion question is the former National Indicator 1 (Place Survey 2008)";

    public static IEnumerable<Item> All()
    {
        yield return new Item("cohesion", "Cohesion",
            "To what extent do you agree or disagree that your local area is a place where people from different backgrounds get on well together?",
            ItemKind.Choice, Scales.Agree(
                new ItemOption("too-few-people", "Too few people in local area", Opinion: false),
                new ItemOption("all-same-background", "All same background", Opinion: false)))
        {
            Hint = "By your local area, we mean the area within 15 to 20 minutes walking distance from your home.",
            Source = Cls,
            Derivation = "Percentage who definitely or tend to agree, among those who expressed an opinion: \"don't know\", \"too few people in local area\" and \"all same background\" are left out of the base (as NI 1).",
        };
        yield return new Item("belonging", "Belonging",
            "How strongly do you feel you belong to your immediate neighbourhood?",
            ItemKind.Choice, Scales.Strength)
        {
            Source = Cls,
            Derivation = "Percentage who feel they belong very or fairly strongly, among those who answered (\"don't know\" left out of the base).",
        };
        yield return new Item("influence", "Influence",
            "Do you agree or disagree that you personally can influence decisions affecting your local area?",
            ItemKind.Choice, Scales.Agree())
        {
            Source = Cls + "; the former National Indicator 4",
            Derivation = "Percentage who definitely or tend to agree, among those who expressed an opinion (\"don't know\" left out of the base).",
        };
        yield return new Item("trust-neighbours", "Community strength",
            "Would you say that many of the people in your neighbourhood can be trusted, some can be trusted, a few can be trusted, or that none of the people in your neighbourhood can be trusted?",
            ItemKind.Choice,
            [
                new("many", "Many of the people in your neighbourhood can be trusted", 4, Positive: true),
                new("some", "Some can be trusted", 3, Positive: true),
                new("a-few", "A few can be trusted", 2),
                new("none", "None of the people in your neighbourhood can be trusted", 1),
                new("just-moved", "Just moved here", Opinion: false),
                Scales.DontKnow,
            ])
        {
            Source = Cls,
            Derivation = "Percentage saying many or some of the people in their neighbourhood can be trusted, among those who answered (\"just moved here\" and \"don't know\" left out of the base).",
        };
        yield return new Item("chat-neighbours", "Community strength",
            "On average, how often do you chat to any of your neighbours, more than just to say hello?",
            ItemKind.Choice,
            [
                new("most-days", "On most days", 5, Positive: true),
                new("weekly", "Once or twice a week", 4, Positive: true),
                new("monthly", "Once or twice a month", 3, Positive: true),
                new("less-than-monthly", "Less often than once a month", 2),
                new("never", "Never", 1),
                Scales.DontKnow,
            ])
        {
            Source = Cls,
            Derivation = "Percentage who chat to their neighbours at least once or twice a month, among those who answered.",
        };
        yield return new Item("pull-together", "Community strength",
            "To what extent would you agree or disagree that people in this neighbourhood pull together to improve the neighbourhood?",
            ItemKind.Choice, Scales.Agree(new ItemOption("nothing-needs-improving", "Nothing needs improving", Opinion: false)))
        {
            Source = Cls,
            Derivation = "Percentage who definitely or tend to agree, among those who expressed an opinion (\"nothing needs improving\" and \"don't know\" left out of the base).",
        };
        yield return new Item("borrow-favours", "Community strength",
            "I borrow things and exchange favours with my neighbours.",
            ItemKind.Choice, Scales.Agree())
        {
            Stem = "To what extent do you agree or disagree with the following statement?",
            Source = Cls,
            Derivation = "Percentage who definitely or tend to agree, among those who expressed an opinion.",
        };
    }
}
