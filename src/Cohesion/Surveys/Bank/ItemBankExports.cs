using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Web;

namespace Cohesion.Surveys.Bank;

/// <summary>The item bank as CSV or xlsx: every item the page lists (with its search and measure filter) and every detail of each.</summary>
public static class ItemBankExports
{
    public static RouteHandlerBuilder MapItemBankExports(this IEndpointRouteBuilder app) =>
        app.MapGet($"{ItemBankModel.Path}/export.{{format}}", Export).ExcludeFromDescription().WithName("ExportItemBank");

    public static readonly string[] Columns =
    [
        "code", "measure", "stem", "question", "hint", "kind", "options", "positive_options", "non_opinion_options", "min", "max",
        "scale", "reverse", "characteristic", "target_group", "target_characteristic", "source", "derivation", "indicators",
    ];

    static async Task<IResult> Export(string format, HttpContext http, CohesionDb db, CancellationToken ct)
    {
        if (!SurveyDownloads.IsFormat(format)) return TypedResults.NotFound();
        var query = ItemBankQuery.From(http.Request.Query);
        var items = query.Apply(StandardItems.All);
        var export = new ExportTable("Cohesion survey item bank", Columns, items.Select(Row).ToList(),
        [
            ("About", "The standard survey questions, worded exactly as their sources ask them; codes are permanent"),
            ("options", "Every answer in the order asked, as code = label (score); scores run high = more of what the question measures"),
            ("positive_options", "The answers counted in the question's headline percentage (the positive share)"),
            ("non_opinion_options", "The answers left out of the base of that percentage (don't know, prefer not to say and the like)"),
            ("Methodology", ItemText.MethodologyPath),
            ("Licence of the wording", "Community Life Survey and Census questions: Crown copyright, Open Government Licence v3.0; other sources as given in the source column"),
            ("Filters", query.Describe()),
            SurveyDownloads.Rows(items.Count),
            SurveyDownloads.Exported(http),
        ]);
        return await ExportFiles.AuditedAsync(http, db, export, "survey-item-bank", format, $"{items.Count} rows; {query.Describe()}", ct);
    }

    static object?[] Row(Item i) =>
    [
        i.Code, i.Measure, i.Stem, i.Question, i.Hint, ItemText.KindCode(i), ItemText.Options(i), ItemText.Positive(i), ItemText.NonOpinion(i),
        i.Kind is ItemKind.Thermometer or ItemKind.Number ? i.Min : null, i.Kind is ItemKind.Thermometer or ItemKind.Number ? i.Max : null,
        i.Scale, i.Reverse ? "yes" : "no", i.Characteristic, i.TargetGroup, i.TargetCharacteristic, i.Source, i.Derivation,
        string.Join("; ", ItemText.IndicatorsOf(i).Select(x => x.Code)),
    ];
}
