namespace Cohesion.Tensions.Assessments;

/// <summary>The tension scale explained beside each level, so two leads mean the same by "3".</summary>
public static class AssessmentText
{
    public static string LevelHint(int level) => level switch
    {
        1 => "Normal relations; the usual low-level incidents and nothing that points to a rise.",
        2 => "Some strain: isolated incidents or rumours between groups, being watched.",
        3 => "Tension is rising: repeated incidents, hostile talk online or in the street, groups named.",
        4 => "High: incidents are escalating or spreading and disorder is possible; partners act now.",
        _ => "Critical: disorder is happening or imminent; emergency arrangements are in force.",
    };
}
