using Cohesion.Admin;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;

namespace Cohesion.Tensions.Alerts;

/// <summary>The filters of the alerts list, parsed leniently from the query string.</summary>
public sealed record AlertFilter(AlertState? State, string? Area, bool OpenOnly)
{
    public static AlertFilter From(IQueryCollection q)
    {
        var state = q["state"].ToString();
        return new AlertFilter(TensionWords.Parse<AlertState>(state), ListQuery.Text(q["area"], 20), state is "" or "open-or-acknowledged");
    }

    public string Describe() => $"state={(State?.ToString() ?? (OpenOnly ? "open or acknowledged" : "any"))}; area={Area ?? "all"}";
}

/// <summary>The words and figures of an alert as lists and files show them; observed counts as the viewer may see them.</summary>
public static class AlertWords
{
    public static string StateLabel(AlertState s) => s switch { AlertState.Open => "Open", AlertState.Acknowledged => "Acknowledged", _ => "Closed" };

    public static string StateTag(AlertState s) => s switch { AlertState.Open => "govuk-tag--red", AlertState.Acknowledged => "govuk-tag--yellow", _ => "govuk-tag--grey" };

    public static string Weeks(TensionAlert a) => a.FirstWeek == a.LastWeek
        ? Watch.Weeks.Iso(Watch.Weeks.Index(a.FirstWeek))
        : $"{Watch.Weeks.Iso(Watch.Weeks.Index(a.FirstWeek))} to {Watch.Weeks.Iso(Watch.Weeks.Index(a.LastWeek))}";

    /// <summary>Whether the viewer sees the alert's expected count, upper bound and score (<see cref="SeriesHistory.ModelFigures"/>).</summary>
    public static bool ModelShown(TensionAlert a, PlaceDirectory places, TensionViewer v) =>
        places.ById.GetValueOrDefault(a.AreaId) is { } area && SeriesHistory.ModelFigures(area, v);

    /// <summary>The latest alarm week's count, null where withheld from the viewer (<see cref="SeriesHistory.WithheldAlertsAsync"/>).</summary>
    public static int? Published(TensionAlert a, IReadOnlySet<int> withheld) => withheld.Contains(a.Id) ? null : a.Observed;

    public static string Number(double? x) => x is { } d ? d.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "–";
}
