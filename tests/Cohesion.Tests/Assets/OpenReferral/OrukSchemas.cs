using System.Text.Json;
using System.Text.Json.Nodes;
using Cohesion.Tests.Infrastructure;
using Json.Schema;

namespace Cohesion.Tests.Assets.OpenReferral;

/// <summary>The vendored Open Referral UK schemas (schemas/README.md), built once, with formats asserted.</summary>
public static class OrukSchemas
{
    static string Dir(params string[] parts) => Files.Repo(["tests", "Cohesion.Tests", "Assets", "OpenReferral", "schemas", .. parts]);

    static readonly Lazy<(JsonSchema Service, JsonSchema ServiceListItem, JsonSchema Taxonomy, JsonSchema TaxonomyTerm, JsonSchema Organization, JsonSchema Page)> Built = new(() =>
    {
        // The profile's schemas carry descriptive keywords of their own (name, constraints, example, core); 2020-12 allows them.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
        const string Base = "https://oruk.test/schema/";
        var term = JsonSchema.FromFile(Dir("taxonomy_term.json"), options, new Uri(Base + "taxonomy_term.json"));
        // taxonomy.json says "allOf": [], which 2020-12 forbids (allOf needs a subschema) and which asserts nothing: it is dropped here, the file is left as published.
        var taxonomyJson = JsonNode.Parse(File.ReadAllText(Dir("taxonomy.json")))!.AsObject();
        if (taxonomyJson["allOf"] is JsonArray { Count: 0 }) taxonomyJson.Remove("allOf");
        using var taxonomyDoc = JsonDocument.Parse(taxonomyJson.ToJsonString());
        var taxonomy = JsonSchema.Build(taxonomyDoc.RootElement.Clone(), options, new Uri(Base + "taxonomy.json"));
        var service = JsonSchema.FromFile(Dir("compiled", "service.json"), options, new Uri(Base + "compiled/service.json"));
        var list = JsonSchema.FromFile(Dir("compiled", "service_list.json"), options, new Uri(Base + "compiled/service_list.json"));
        // The organisation as the compiled service defines it (see the README: the standalone compiled file nests every service).
        using var serviceDoc = JsonDocument.Parse(File.ReadAllText(Dir("compiled", "service.json")));
        var organization = JsonSchema.Build(serviceDoc.RootElement.GetProperty("properties").GetProperty("organization").Clone(), options, new Uri(Base + "organization-in-service.json"));
        using var openapi = JsonDocument.Parse(File.ReadAllText(Dir("openapi.json")));
        var page = JsonSchema.Build(openapi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Page").Clone(), options, new Uri(Base + "page.json"));
        return (service, list, taxonomy, term, organization, page);
    });

    public static JsonSchema Service => Built.Value.Service;
    public static JsonSchema ServiceListItem => Built.Value.ServiceListItem;
    public static JsonSchema Taxonomy => Built.Value.Taxonomy;
    public static JsonSchema TaxonomyTerm => Built.Value.TaxonomyTerm;
    public static JsonSchema Organization => Built.Value.Organization;

    static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Fails with every error and where it is when the JSON does not validate.</summary>
    public static void AssertValid(JsonSchema schema, JsonNode? json, string what)
    {
        using var doc = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var r = schema.Evaluate(doc.RootElement, Options);
        if (r.IsValid) return;
        var problems = (r.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(20);
        Assert.Fail($"{what} does not validate against the Open Referral UK schema:\n{string.Join("\n", problems)}\n{json?.ToJsonString()[..Math.Min(2000, json.ToJsonString().Length)]}");
    }

    /// <summary>A page of an ORUK list: the profile's Page envelope with every field present, each item valid against <paramref name="item"/>.</summary>
    public static JsonArray AssertPage(JsonNode? page, JsonSchema item, string what)
    {
        AssertValid(Built.Value.Page, page, what);
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents" })
            Assert.True(page![field] is not null, $"{what}: the page has no {field}");
        var contents = page!["contents"]!.AsArray();
        foreach (var (x, i) in contents.Select((x, i) => (x, i))) AssertValid(item, x, $"{what} contents[{i}]");
        return contents;
    }

    /// <summary>Empty optional fields are left out: no null and no empty list anywhere in the document.</summary>
    public static void AssertNoEmptyFields(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case null: Assert.Fail($"{path} is null: empty fields must be left out"); break;
            case JsonObject o: foreach (var (k, v) in o) AssertNoEmptyFields(v, $"{path}.{k}"); break;
            case JsonArray a:
                Assert.True(a.Count > 0 || path.EndsWith(".contents", StringComparison.Ordinal), $"{path} is an empty list: empty fields must be left out");
                foreach (var (x, i) in a.Select((x, i) => (x, i))) AssertNoEmptyFields(x, $"{path}[{i}]");
                break;
        }
    }
}
