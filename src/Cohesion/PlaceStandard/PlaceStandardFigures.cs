using System.Globalization;
using Cohesion.Analytics.PlaceStandard;
using Microsoft.AspNetCore.Html;

namespace Cohesion.PlaceStandard;

/// <summary>
/// How Place Standard figures are written on pages and in downloads: means and medians to one decimal place on
/// pages (three in downloads), people as whole numbers, [c] for a figure withheld because too few people answered,
/// [x] where there is nothing to show (nobody answered the theme). Neither is ever zero.
/// </summary>
public static class PlaceStandardFigures
{
    public const string Withheld = "[c]", NotAvailable = "[x]";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Text(double? value, bool withheld, string format = "0.0") =>
        value is { } v ? v.ToString(format, Uk) : withheld ? Withheld : NotAvailable;

    /// <summary>As <see cref="Text"/>, with the meaning of a symbol spelled out for screen readers.</summary>
    public static IHtmlContent Html(double? value, bool withheld, string format = "0.0") => value is { } v
        ? new HtmlString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(v.ToString(format, Uk)))
        : new HtmlString(withheld
            ? $"{Withheld}<span class=\"govuk-visually-hidden\"> (withheld: fewer people answered than the minimum)</span>"
            : $"{NotAvailable}<span class=\"govuk-visually-hidden\"> (nobody answered)</span>");

    /// <summary>A download cell: the number to three decimal places, or the symbol.</summary>
    public static object Cell(double? value, bool withheld) => value is { } v ? Math.Round(v, 3) : withheld ? Withheld : NotAvailable;

    public static string People(double people) => people.ToString("N0", Uk);

    /// <summary>A theme's percentage giving a score, for a distribution table cell.</summary>
    public static IHtmlContent Percent(PublishedTheme t, int score) => Html(t.Percent[score - 1], t.Withheld, "0");
}
