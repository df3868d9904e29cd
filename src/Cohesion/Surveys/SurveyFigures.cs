using System.Globalization;
using Cohesion.Analytics.Surveys;
using Cohesion.Surveys.ItemBank;
using Microsoft.AspNetCore.Html;

namespace Cohesion.Surveys;

/// <summary>
/// How survey figures are written on pages and in downloads: percentages to the nearest whole number on pages (one
/// decimal in downloads), scores and ratings to one decimal (three in downloads), intervals the same way, bases as
/// whole numbers; [c] for an estimate withheld because its base is under the minimum, [x] where nobody answered.
/// </summary>
public static class SurveyFigures
{
    public const string Withheld = "[c]", NotAvailable = "[x]";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    static double Scale(Indicator i, double v) => i.IsPercentage ? v * 100 : v;

    static string Format(Indicator i, bool download) => i.IsPercentage ? download ? "0.0" : "0" : download ? "0.000" : "0.0";

    static bool Missing(DomainEstimate e) => e.Suppressed || e.N == 0 || double.IsNaN(e.Estimate);

    /// <summary>The estimate as text: "78%", "34.2", or the symbol.</summary>
    public static string Text(Indicator i, DomainEstimate e) =>
        Missing(e) ? Symbol(e) : Scale(i, e.Estimate).ToString(Format(i, false), Uk) + (i.IsPercentage ? "%" : "");

    /// <summary>The 95% interval as text: "74% to 81%", or empty when withheld.</summary>
    public static string Interval(Indicator i, DomainEstimate e) =>
        Missing(e) || double.IsNaN(e.Low) ? "" : $"{Bound(i, e.Low)} to {Bound(i, e.High)}";

    static string Bound(Indicator i, double v) => Scale(i, v).ToString(Format(i, false), Uk) + (i.IsPercentage ? "%" : "");

    /// <summary>As <see cref="Text"/>, with a symbol's meaning spelled out for screen readers.</summary>
    public static IHtmlContent Html(Indicator i, DomainEstimate e) => Missing(e)
        ? new HtmlString(e.Suppressed
            ? $"{Withheld}<span class=\"govuk-visually-hidden\"> (withheld: fewer than the minimum answered)</span>"
            : $"{NotAvailable}<span class=\"govuk-visually-hidden\"> (nobody answered)</span>")
        : new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(Text(i, e)));

    /// <summary>A download cell: the value on the page's scale (percentages 0–100) rounded, or the symbol.</summary>
    public static object Cell(Indicator i, DomainEstimate e, double value) =>
        Missing(e) ? Symbol(e) : Math.Round(Scale(i, value), i.IsPercentage ? 1 : 3);

    static string Symbol(DomainEstimate e) => e.Suppressed ? Withheld : NotAvailable;

    public static string Base(int n) => n.ToString("N0", Uk);
}
