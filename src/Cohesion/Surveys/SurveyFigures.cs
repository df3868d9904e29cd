using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Html;

namespace Cohesion.Surveys;

/// <summary>
/// How survey figures are written on pages and in downloads: percentages to the nearest whole number on pages (one
/// decimal in downloads), scores and ratings to one decimal (three in downloads), intervals the same way, bases as
/// whole numbers; [c] for an estimate withheld because its base is under the minimum, [x] where nobody answered.
/// Each method takes the indicator, or whether the figure is a percentage (answer shares are, whatever the indicator).
/// </summary>
public static class SurveyFigures
{
    public const string Withheld = "[c]", NotAvailable = "[x]";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    static double Scale(bool percent, double v) => percent ? v * 100 : v;

    static string Format(bool percent, bool download) => percent ? download ? "0.0" : "0" : download ? "0.000" : "0.0";

    /// <summary>Withheld, or nothing to show: either way no number leaves.</summary>
    public static bool Missing(DomainEstimate e) => e.Suppressed || e.N == 0 || double.IsNaN(e.Estimate);

    /// <summary>The estimate as text: "78%", "34.2", or the symbol.</summary>
    public static string Text(Indicator i, DomainEstimate e) => Text(i.IsPercentage, e);

    public static string Text(bool percent, DomainEstimate e) =>
        Missing(e) ? Symbol(e) : Scale(percent, e.Estimate).ToString(Format(percent, false), Uk) + (percent ? "%" : "");

    /// <summary>The 95% interval as text: "74% to 81%", or empty when withheld.</summary>
    public static string Interval(Indicator i, DomainEstimate e) => Interval(i.IsPercentage, e);

    public static string Interval(bool percent, DomainEstimate e) =>
        Missing(e) || double.IsNaN(e.Low) ? "" : $"{Bound(percent, e.Low)} to {Bound(percent, e.High)}";

    static string Bound(bool percent, double v) => Scale(percent, v).ToString(Format(percent, false), Uk) + (percent ? "%" : "");

    /// <summary>As <see cref="Text(Indicator, DomainEstimate)"/>, with a symbol's meaning spelled out for screen readers.</summary>
    public static IHtmlContent Html(Indicator i, DomainEstimate e) => Html(i.IsPercentage, e);

    public static IHtmlContent Html(bool percent, DomainEstimate e) => Missing(e)
        ? new HtmlString(e.Suppressed
            ? $"{Withheld}<span class=\"govuk-visually-hidden\"> (withheld: fewer than the minimum answered)</span>"
            : $"{NotAvailable}<span class=\"govuk-visually-hidden\"> (nobody answered)</span>")
        : new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(Text(percent, e)));

    /// <summary>A download cell: the value on the page's scale (percentages 0–100) rounded, or the symbol.</summary>
    public static object Cell(Indicator i, DomainEstimate e, double value) => Cell(i.IsPercentage, e, value);

    public static object Cell(bool percent, DomainEstimate e, double value) =>
        Missing(e) ? Symbol(e) : Math.Round(Scale(percent, value), percent ? 1 : 3);

    /// <summary>A value for charts and the API on the page's scale (percentages 0–100), or null when withheld or missing: never a stand-in number.</summary>
    public static double? Number(bool percent, DomainEstimate e, double value, int decimals = 4) =>
        Missing(e) || !double.IsFinite(value) ? null : Math.Round(Scale(percent, value), decimals);

    static string Symbol(DomainEstimate e) => e.Suppressed ? Withheld : NotAvailable;

    public static string Base(int n) => n.ToString("N0", Uk);

    /// <summary>A difference in plain words: "12 percentage points", "3.4 points" (its size; the sentence says which way).</summary>
    public static string Gap(Indicator i, double difference)
    {
        var size = Math.Abs(Scale(i.IsPercentage, difference));
        return i.IsPercentage ? $"{size.ToString("0", Uk)} percentage point{(Math.Round(size) == 1 ? "" : "s")}" : $"{size.ToString("0.0", Uk)} points";
    }

    /// <summary>A p-value as a reader expects it: "p < 0.001", "p = 0.03".</summary>
    public static string P(double p) => p < 0.001 ? "p < 0.001" : $"p = {p.ToString(p < 0.01 ? "0.000" : "0.00", CultureInfo.InvariantCulture)}";
}
