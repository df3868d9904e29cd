namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Social capital's four dimensions as the ONS measures them (Social capital in the UK, ONS 2020, after the OECD's
/// framework, Scrivens &amp; Smith 2013): personal relationships, social network support, civic engagement, and trust
/// and cooperative norms; one headline item each.
/// </summary>
static class SocialCapitalItems
{
    const string Ons = "ONS, Social capital in the UK (2020) headline indicators, OECD framework (Scrivens & Smith 2013)";

    public static IEnumerable<Item> All()
    {
        yield return new Item("sc-meet-socially", "Social capital: personal relationships",
            "How often do you meet socially with friends, relatives or work colleagues?",
            ItemKind.Choice,
            [
                new("every-day", "Every day", 7, Positive: true),
                new("several-times-week", "Several times a week", 6, Positive: true),
                new("once-week", "Once a week", 5, Positive: true),
                new("several-times-month", "Several times a month", 4, Positive: true),
                new("once-month", "Once a month", 3, Positive: true),
                new("less-than-monthly", "Less than once a month", 2),
                new("never", "Never", 1),
                Scales.DontKnow,
            ])
        {
            Hint = "Meeting socially means meeting by choice, not for work or just for duty.",
            Source = Ons + "; European Social Survey wording",
            Derivation = "Percentage who meet socially at least once a month, among those who answered.",
        };
        yield return new Item("sc-rely-on", "Social capital: social network support",
            "If you had a serious problem, is there anyone you could rely on to help you, such as a partner, another family member or a friend?",
            ItemKind.Choice, Scales.YesNo())
        {
            Source = Ons,
            Derivation = "Percentage who have someone to rely on if they had a serious problem, among those who answered.",
        };
        yield return new Item("sc-volunteering", "Social capital: civic engagement",
            "In the last 12 months, have you given any unpaid help to any groups, clubs or organisations?",
            ItemKind.Choice, Scales.YesNo())
        {
            Hint = "For example, helping to run an event, being on a committee, raising money, or giving advice.",
            Source = Ons + "; Community Life Survey formal volunteering question",
            Derivation = "Percentage who gave unpaid help to a group, club or organisation in the last 12 months (formal volunteering), among those who answered.",
        };
        yield return new Item("sc-generalised-trust", "Social capital: trust and cooperative norms",
            "Generally speaking, would you say that most people can be trusted, or that you can't be too careful in dealing with people?",
            ItemKind.Choice,
            [
                new("most-people", "Most people can be trusted", 1, Positive: true),
                new("cant-be-too-careful", "You can't be too careful", 0),
                new("it-depends", "It depends"),
                Scales.DontKnow,
            ])
        {
            Source = Ons + "; Community Life Survey generalised trust question",
            Derivation = "Percentage saying most people can be trusted, among all who answered except \"don't know\" (\"it depends\" stays in the base, as the ONS does).",
        };
    }
}
