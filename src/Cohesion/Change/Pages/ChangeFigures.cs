using System.Globalization;
using System.Text.Encodings.Web;
using Cohesion.Change.Read;
using Cohesion.Places;
using Microsoft.AspNetCore.Html;

namespace Cohesion.Change.Pages;

/// <summary>How a figure is written: a count, a rate to one decimal place, a signed change, a percentage, an index.</summary>
public enum FigureFormat { Count, Rate, Signed, SignedRate, Percent, SignedPercent, Index }

/// <summary>
/// A figure as pages and exports show it: a value, or why there is none. Withheld ([c]) is disclosure control;
/// not available ([x]) is a figure that cannot be made (no period a year earlier, nobody to divide by). Neither is
/// ever shown as zero.
/// </summary>
public readonly record struct Figure(double? Value, bool Withheld)
{
    public const string WithheldSymbol = "[c]";
    public const string NotAvailableSymbol = "[x]";
    public static readonly Figure WithheldFigure = new(null, true);
    public static readonly Figure NotAvailable = new(null, false);

    /// <summary>A stored count: null is withheld.</summary>
    public static Figure Count(long? v) => v is { } x ? new(x, false) : WithheldFigure;

    /// <summary>A derived value: when it is null, withheld if any part was, else not available.</summary>
    public static Figure Derived(double? v, bool anyPartWithheld) => v is { } x ? new(x, false) : anyPartWithheld ? WithheldFigure : NotAvailable;

    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public string Symbol => Withheld ? WithheldSymbol : NotAvailableSymbol;

    /// <summary>The figure as text (thousands separators, rates to one decimal place), or its symbol.</summary>
    public string Text(FigureFormat format) => Value is not { } v ? Symbol : format switch
    {
        FigureFormat.Count => v.ToString("N0", Uk),
        FigureFormat.Rate => v.ToString("N1", Uk),
        FigureFormat.Signed => v.ToString("+#,##0;−#,##0;0", Uk),
        FigureFormat.SignedRate => v.ToString("+#,##0.0;−#,##0.0;0.0", Uk),
        FigureFormat.Percent => v.ToString("N1", Uk) + "%",
        FigureFormat.SignedPercent => v.ToString("+#,##0.0;−#,##0.0;0.0", Uk) + "%",
        _ => v.ToString("0.000", Uk),
    };

    /// <summary>As <see cref="Text"/>, with the meaning of a symbol spelled out for screen readers.</summary>
    public IHtmlContent Html(FigureFormat format) => Value is not null
        ? new HtmlString(HtmlEncoder.Default.Encode(Text(format)))
        : new HtmlString($"{Symbol}<span class=\"govuk-visually-hidden\"> ({(Withheld ? "withheld" : "not available")})</span>");

    /// <summary>The export cell: a number (counts whole, others to 3 decimal places) or the symbol.</summary>
    public object Cell(FigureFormat format) => Value is not { } v ? Symbol : format is FigureFormat.Count or FigureFormat.Signed ? (long)v : Math.Round(v, 3);

    /// <summary>The value for a chart: null (a gap) when there is none.</summary>
    public double? Chart(FigureFormat format) => Value is { } v ? Math.Round(v, format is FigureFormat.Count or FigureFormat.Signed ? 0 : format == FigureFormat.Index ? 4 : 1) : null;
}

/// <summary>A column of a dataset's figures table: how it is headed, written and exported.</summary>
/// <param name="Key">The sort key and, for measures a map can show, the <see cref="ChangeMeasureNames"/> name.</param>
/// <param name="Header">In full, with its denominator: for headline figures and the map.</param>
/// <param name="OnPage">False for columns only in exports (the page states them another way, or has no room).</param>
/// <param name="Short">The heading of a table column, whose caption states the denominators (<see cref="ChangeTable.Note"/>).</param>
public sealed record FigureColumn(string Key, string Header, FigureFormat Format, string Export, string? Glossary = null, bool OnPage = true, string? Short = null)
{
    public string Label => Short ?? Header;
}

/// <summary>One timeline chart: which columns it draws; a headcount's axis need not start at zero (its changes would be flat).</summary>
public sealed record TimelineChart(string Id, string Title, string[] Keys, bool ZeroBased = true);

/// <summary>
/// The figures of a change dataset as rows of <see cref="Figure"/>s under <see cref="FigureColumn"/>s, one shape for
/// GP and school datasets, shared by the timeline, the ranking and the export. Values come from the same
/// <see cref="ChangeCube"/> functions as the API, so the pages and the API always agree.
/// </summary>
public static class ChangeTable
{
    public static readonly FigureColumn[] GpColumns =
    [
        new("start", "Registered at the start", FigureFormat.Count, "registered_start", "registered-population", OnPage: false),
        new("stock", "Registered at the end", FigureFormat.Count, "registered", "registered-population", Short: "Registered"),
        new("inflow", "Registrations", FigureFormat.Count, "inflow", "churn"),
        new("outflow", "Deregistrations", FigureFormat.Count, "outflow", "churn"),
        new("arrivals", "Arrivals from abroad", FigureFormat.Count, "arrivals", "arrivals"),
        new("churn_per_1000", "Churn per 1,000 registered at the start", FigureFormat.Rate, "churn_per_1000", "churn", Short: "Churn per 1,000"),
        new("arrivals_per_1000", "Arrivals per 1,000 registered at the start", FigureFormat.Rate, "arrivals_per_1000", "arrivals", Short: "Arrivals per 1,000"),
        new("change_year", "Change on a year earlier", FigureFormat.Signed, "registered_change_on_year_earlier"),
        new("change_year_percent", "% change on a year earlier", FigureFormat.SignedPercent, "registered_percent_change_on_year_earlier", OnPage: false),
    ];

    public static readonly FigureColumn[] SchoolColumns =
    [
        new("pupils", "Pupils", FigureFormat.Count, "pupils"),
        new("new_to_area", "New to the area", FigureFormat.Count, "new_to_area"),
        new("eal", "English as an additional language", FigureFormat.Count, "eal", Short: "EAL"),
        new("new_to_area_percent", "New to the area, % of pupils", FigureFormat.Percent, "new_to_area_percent", Short: "New to the area %"),
        new("eal_percent", "English as an additional language, % of pupils", FigureFormat.Percent, "eal_percent", Short: "EAL %"),
        new("change_previous", "Change on the previous census", FigureFormat.Signed, "pupils_change_on_previous"),
        new("change_previous_percent", "% change on the previous census", FigureFormat.SignedPercent, "pupils_percent_change_on_previous", OnPage: false),
    ];

    public static bool IsSchool(ChangeCube c) => c.Dataset.Kind == DatasetKind.SchoolCensus;

    public static FigureColumn[] Columns(ChangeCube c) => IsSchool(c) ? SchoolColumns : GpColumns;

    /// <summary>The column the ranking is sorted by until the reader chooses another.</summary>
    public static string DefaultSort(ChangeCube c) => IsSchool(c) ? "new_to_area_percent" : "churn_per_1000";

    public static TimelineChart[] Charts(ChangeCube c) => IsSchool(c)
        ? [new("pupils", "Pupils at each census", ["pupils"], ZeroBased: false), new("pupil-flows", "Pupils new to the area and with English as an additional language", ["new_to_area", "eal"])]
        : [new("registered", $"Registered population at the end of each {PeriodText.Unit(c)}", ["stock"], ZeroBased: false),
           new("flows", $"Registrations, deregistrations and arrivals from abroad in each {PeriodText.Unit(c)}", ["inflow", "outflow", "arrivals"])];

    /// <summary>What the figures of a table are of: said in its caption, so short column headings stay exact.</summary>
    public static string Note(ChangeCube c) => IsSchool(c)
        ? "Percentages are of pupils at the census. EAL: English as an additional language."
        : $"Registered is at the end of the {PeriodText.Unit(c)}; rates are per 1,000 people registered at the start of the {PeriodText.Unit(c)}.";

    /// <summary>An area's figures in one period and category, in the order of <see cref="Columns"/>.</summary>
    public static Figure[] Row(ChangeCube c, int areaId, int p, int slot = 0)
    {
        if (IsSchool(c))
        {
            var s = ChangeViews.School(c, areaId, p, slot);
            var prev = p > 0 ? c.Get(areaId, p - 1, StoredMeasure.Pupils, slot) : 0;
            return [
                Measure(c, "pupils", areaId, p, slot), Measure(c, "new_to_area", areaId, p, slot), Measure(c, "eal", areaId, p, slot),
                Measure(c, "new_to_area_percent", areaId, p, slot), Measure(c, "eal_percent", areaId, p, slot),
                Change(s.PupilsChangeFromPrevious, p > 0, s.Pupils, prev),
                Change(s.PupilsPercentChangeFromPrevious, p > 0, s.Pupils, prev),
            ];
        }
        var g = ChangeViews.Gp(c, areaId, p, slot);
        var y = ChangeViews.YearEarlier(c, p);
        var yearAgo = y >= 0 ? c.Get(areaId, y, StoredMeasure.Stock, slot) : 0;
        return [
            Figure.Count(c.Get(areaId, p, StoredMeasure.StartStock, slot)),
            Measure(c, "stock", areaId, p, slot), Measure(c, "inflow", areaId, p, slot), Measure(c, "outflow", areaId, p, slot), Measure(c, "arrivals", areaId, p, slot),
            Measure(c, "churn_per_1000", areaId, p, slot), Measure(c, "arrivals_per_1000", areaId, p, slot),
            Change(g.StockChangeFromYearEarlier, y >= 0, g.Stock, yearAgo),
            Change(g.StockPercentChangeFromYearEarlier, y >= 0, g.Stock, yearAgo),
        ];
    }

    static Figure Change(double? value, bool hasEarlier, long? now, long? before) =>
        Figure.Derived(value, hasEarlier && (now is null || before is null));

    /// <summary>The stored counts a map measure is made from: a withheld part makes the measure withheld.</summary>
    static StoredMeasure[] Parts(string measure) => measure switch
    {
        "stock" => [StoredMeasure.Stock],
        "inflow" => [StoredMeasure.Inflow],
        "outflow" => [StoredMeasure.Outflow],
        "arrivals" => [StoredMeasure.Arrivals],
        "churn_per_1000" => [StoredMeasure.Inflow, StoredMeasure.Outflow, StoredMeasure.StartStock],
        "arrivals_per_1000" => [StoredMeasure.Arrivals, StoredMeasure.StartStock],
        "pupils" => [StoredMeasure.Pupils],
        "new_to_area" => [StoredMeasure.NewToArea],
        "eal" => [StoredMeasure.Eal],
        "new_to_area_percent" => [StoredMeasure.NewToArea, StoredMeasure.Pupils],
        "eal_percent" => [StoredMeasure.Eal, StoredMeasure.Pupils],
        _ => throw new ArgumentException($"unknown measure {measure}", nameof(measure)),
    };

    /// <summary>A named measure (<see cref="ChangeMeasureNames"/>) as a figure, saying why it is missing when it is.</summary>
    public static Figure Measure(ChangeCube c, string measure, int areaId, int p, int slot) =>
        // A school census file's first census has nobody to compare with: new to the area is stored withheld, but is not available.
        p == 0 && measure.StartsWith("new_to_area", StringComparison.Ordinal) && IsSchool(c) ? Figure.NotAvailable
        : Figure.Derived(ChangeMeasureNames.Value(c, measure, areaId, p, slot), Parts(measure).Any(m => c.Get(areaId, p, m, slot) is null));

    /// <summary>The tag of a rapid-change flag, from its measure (a name such as <c>arrivals_per_1000</c> or words such as "arrivals per 1,000").</summary>
    public static string FlagLabel(string measure) =>
        measure.Contains("arrival", StringComparison.OrdinalIgnoreCase) ? "Arrivals"
        : measure.Contains("churn", StringComparison.OrdinalIgnoreCase) ? "Churn"
        : measure.Contains("new_to_area", StringComparison.OrdinalIgnoreCase) ? "New to the area"
        : measure.Contains("eal", StringComparison.OrdinalIgnoreCase) ? "EAL"
        : measure.Length == 0 ? "Rapid change" : measure.Replace('_', ' ');

    /// <summary>A flag's rule as a sentence (the rules start with the measure's name in lower case).</summary>
    public static string FlagRule(string rule) => rule.Length == 0 ? rule : char.ToUpperInvariant(rule[0]) + rule[1..];

    /// <summary>What sorting the ranking by its main columns shows, for the sentence above it.</summary>
    public static string RankingHint(ChangeCube c) => IsSchool(c)
        ? "by pupils new to the area to see where families move in and out most, by English as an additional language to see where languages are changing"
        : "by churn to see where people move in and out most, by arrivals to see where people come from abroad";

    /// <summary>The columns of the headline figures above a timeline.</summary>
    public static string[] Headline(ChangeCube c) => IsSchool(c)
        ? ["pupils", "change_previous", "new_to_area_percent", "eal_percent"]
        : ["stock", "change_year", "arrivals", "churn_per_1000"];

    public static FigureFormat FormatOf(MapMeasure m) => m.Unit switch { "%" => FigureFormat.Percent, _ when m.IsRate => FigureFormat.Rate, _ => FigureFormat.Count };
}

/// <summary>Period labels (2024-03, 2024-Q1, 2024) in words.</summary>
public static class PeriodText
{
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Long(string label)
    {
        if (label.Length == 7 && label[4] == '-' && label[5] == 'Q' && int.TryParse(label[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var qy) && label[6] is >= '1' and <= '4')
        {
            var first = (label[6] - '1') * 3 + 1;
            return $"{new DateTime(qy, first, 1).ToString("MMMM", Uk)} to {new DateTime(qy, first + 2, 1).ToString("MMMM", Uk)} {qy}";
        }
        if (label.Length == 7 && DateTime.TryParseExact(label, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.ToString("MMMM yyyy", Uk);
        return label;
    }

    /// <summary>"month", "quarter" or "year", for sentences.</summary>
    public static string Unit(ChangeCube c) => c.Dataset.PeriodKind switch { "quarter" => "quarter", "year" => "year", _ => "month" };
}

/// <summary>Readable names of the characteristics categories belong to.</summary>
public static class CategoryText
{
    public static string Characteristic(string code) => code switch
    {
        "sex" => "Sex",
        "age_band" => "Age band",
        "ethnic_group" => "Ethnic group",
        "main_language" => "Main language",
        "year_group" => "Year group",
        _ => code,
    };

    /// <summary>The categories of a cube grouped by characteristic, for a select with option groups; "all" first.</summary>
    public static List<(string Group, List<(string Code, string Label)> Options)> Groups(ChangeCube c)
    {
        var groups = new List<(string, List<(string, string)>)> { ("Everyone", [("all", "Everyone")]) };
        foreach (var g in c.Codes.Select((code, i) => (code, i)).Where(x => x.code != "all")
            .GroupBy(x => x.code[..Math.Max(0, x.code.IndexOf(':'))]))
            groups.Add((Characteristic(g.Key), g.Select(x => (x.code, c.Labels[x.i])).ToList()));
        return groups;
    }

    public static string Label(ChangeCube c, string code) => code == "all" ? "everyone" : c.Slot.TryGetValue(code, out var s)
        ? $"{Characteristic(code[..code.IndexOf(':')]).ToLowerInvariant()}: {c.Labels[s]}" : code;
}
