using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cohesion.Assets.Geo;
using Cohesion.Assets.OpenReferral;
using Cohesion.Assets.Taxonomy;
using Cohesion.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cohesion.Tests.Assets.OpenReferral;

/// <summary>
/// data/oldham-sample.json: five synthetic Oldham services as another directory would publish them (shared
/// locations, weekly, fortnightly, monthly and one-off schedules, languages, costs, contacts, areas by ONS address,
/// name and code, Cohesion's terms and a second taxonomy with a parent term in the file and one that is not).
/// Cohesion's own term ids are written as {{term:activity:CODE}} and filled in here.
/// </summary>
public static partial class OrukSample
{
    public const string FileName = "oldham-sample.json";

    [GeneratedRegex(@"\{\{term:(activity|audience):([a-z-]+)\}\}")]
    private static partial Regex Placeholder();

    public static string Json() => Placeholder().Replace(File.ReadAllText(Files.Repo("tests", "Cohesion.Tests", "Assets", "OpenReferral", "data", FileName)),
        m => CohesionTaxonomy.TermId(m.Groups[1].Value == "activity" ? CohesionTaxonomy.ActivityId : CohesionTaxonomy.AudienceId, m.Groups[2].Value).ToString("D"));

    public static JsonArray Services() => JsonNode.Parse(Json())!.AsArray();

    public static Guid IdOf(string nameStart) => Guid.Parse((string)Services().Single(s => ((string)s!["name"]!).StartsWith(nameStart, StringComparison.Ordinal))!["id"]!);

    public static Guid IdOfOrganisation(string serviceNameStart) =>
        Guid.Parse((string)Services().Single(s => ((string)s!["name"]!).StartsWith(serviceNameStart, StringComparison.Ordinal))!["organization"]!["id"]!);

    public static Guid LgsdTaxonomy => Cohesion.Assets.StableId.For("taxonomy:Local Government Service Directory (sample)");

    public static Task<HsdsImportResult> ImportAsync(TestApp app, string? json = null, HsdsImportOptions? options = null) =>
        ImportAsync(app, Encoding.UTF8.GetBytes(json ?? Json()), options);

    public static async Task<HsdsImportResult> ImportAsync(TestApp app, byte[] json, HsdsImportOptions? options = null)
    {
        await using var db = app.Database.Context();
        using var input = new MemoryStream(json);
        return await HsdsImport.RunAsync(db, app.App.Services.GetRequiredService<AreaShapes>(), input, options ?? new HsdsImportOptions(FileName, "test@example.org"), default);
    }

    public static async Task<byte[]> ExportAsync(TestApp app)
    {
        await using var db = app.Database.Context();
        using var output = new MemoryStream();
        await HsdsExport.WriteAsync(db, output, default);
        return output.ToArray();
    }
}
