using Cohesion.Change.Read;
using Cohesion.Sharing;

namespace Cohesion.Change.Pages;

/// <summary>
/// What the "About these figures" panel says, for the viewer who is looking: whose the figures are, where they
/// come from, under what terms, and whether this viewer sees them exact or disclosure-controlled.
/// </summary>
public sealed record AboutFigures(ChangeDataset Dataset, bool Exact, string Figures, string Sensitivity, string? Periods)
{
    public static AboutFigures Of(ChangeCube c)
    {
        var policy = PolicyText.Parse(c.Dataset.Policy);
        var figures = c.Exact
            ? "These figures are exact: you are in the owner organisation, so nothing is withheld. Take care when sharing them."
            : policy is DisclosurePolicy.Exact
                ? "These figures are published as they are: the owner applies no disclosure control to them."
                : "These figures are disclosure-controlled: " + PolicyText.Describe(policy) + ".";
        var periods = c.Periods.Length == 0 ? null
            : $"{PeriodText.Long(c.Periods[0])} to {PeriodText.Long(c.Periods[^1])} ({c.Periods.Length:N0} {PeriodText.Unit(c)}s)";
        return new AboutFigures(c.Dataset, c.Exact, figures, SensitivityText.Label(c.Dataset.Sensitivity), periods);
    }

    public string ExtractDate => Dataset.ExtractDate?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not recorded";
}
