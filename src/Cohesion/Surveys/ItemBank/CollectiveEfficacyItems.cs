namespace Cohesion.Surveys.ItemBank;

/// <summary>
/// Collective efficacy (Sampson, Raudenbush &amp; Earls 1997, "Neighborhoods and violent crime: a multilevel study of
/// collective efficacy", Science 277:918–924): five items on social cohesion and trust and five on informal social
/// control, each scored 1–5; two cohesion items are worded negatively and reverse-scored. The scale is the sum, 10–50.
/// The wording is the Project on Human Development in Chicago Neighborhoods' community survey with British spelling.
/// </summary>
static class CollectiveEfficacyItems
{
    public const string CohesionScale = "collective-efficacy/cohesion-trust", ControlScale = "collective-efficacy/social-control";
    const string Source = "Sampson, Raudenbush & Earls (1997), Science 277:918–924; PHDCN Community Survey 1994–95 wording, British spelling";
    public const string CohesionStem = "For each of these statements, please say how strongly you agree or disagree.";
    public const string ControlStem = "How likely is it that your neighbours could be counted on to do something if…";

    public static IEnumerable<Item> All()
    {
        (string Code, string Text, bool Reverse)[] cohesion =
        [
            ("ce-help", "People around here are willing to help their neighbours.", false),
            ("ce-close-knit", "This is a close-knit neighbourhood.", false),
            ("ce-trusted", "People in this neighbourhood can be trusted.", false),
            ("ce-dont-get-along", "People in this neighbourhood generally don't get along with each other.", true),
            ("ce-dont-share-values", "People in this neighbourhood do not share the same values.", true),
        ];
        foreach (var (code, text, reverse) in cohesion)
            yield return new Item(code, "Collective efficacy", text, ItemKind.Choice, reverse ? Scales.AgreeFiveReversed : Scales.AgreeFive)
            {
                Stem = CohesionStem,
                Reverse = reverse,
                Scale = CohesionScale,
                Source = Source,
                Derivation = reverse
                    ? "Scored strongly agree 1 … strongly disagree 5 (reverse-scored) in the social cohesion and trust subscale; percentage who disagree or strongly disagree."
                    : "Scored strongly agree 5 … strongly disagree 1 in the social cohesion and trust subscale; percentage who agree or strongly agree.",
            };
        (string Code, string Text)[] control =
        [
            ("ce-skipping-school", "children were skipping school and hanging out on a street corner"),
            ("ce-graffiti", "children were spray-painting graffiti on a local building"),
            ("ce-disrespect", "children were showing disrespect to an adult"),
            ("ce-fight", "a fight broke out in front of their house"),
            ("ce-fire-station", "the fire station closest to their home was threatened with budget cuts"),
        ];
        foreach (var (code, text) in control)
            yield return new Item(code, "Collective efficacy", text, ItemKind.Choice, Scales.Likely)
            {
                Stem = ControlStem,
                Scale = ControlScale,
                Source = Source,
                Derivation = "Scored very likely 5 … very unlikely 1 in the informal social control subscale; percentage who say likely or very likely.",
            };
    }
}
