using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Places;
using Cohesion.Surveys;
using Cohesion.Surveys.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Surveys;

/// <summary>Surveys and responses made straight in the database, through the same parsing and writing the form and import use.</summary>
public static class SurveySetup
{
    public const string Oldham = "E08000004";

    /// <summary>Two Oldham wards the tests put respondents in.</summary>
    public const string Coldhurst = "E05000723", Werneth = "E05000738";

    /// <summary>A survey of Oldham by ward asking <paramref name="items"/> (bank codes) in order, owned by <paramref name="owner"/> (created when missing), weights trimmed to the bounds given.</summary>
    public static async Task<Survey> SurveyAsync(TestApp app, string name, string[] items, bool open = true, bool published = true,
        string owner = "Test partner", string period = "2025", SurveyWeighting weighting = SurveyWeighting.None, AreaLevel level = AreaLevel.Ward,
        double? trimLower = null, double? trimUpper = null)
    {
        await using var db = app.Database.Context();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == owner)
            ?? db.Organisations.Add(new Organisation { Name = owner, Kind = OrganisationKind.Voluntary, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        var area = await db.Areas.SingleAsync(a => a.Code == Oldham);
        var s = new Survey
        {
            Name = name, Title = $"Test {name}", AreaId = area.Id, Period = period, OwnerOrganisationId = org.Id, IsOpen = open, IsPublished = published,
            Weighting = weighting, WeightTrimLower = trimLower, WeightTrimUpper = trimUpper, ResidenceLevel = level, CreatedAt = DateTime.UtcNow, CreatedBy = "test",
            Questions = items.Select((code, i) => new SurveyQuestion { ItemCode = code, Position = i + 1 }).ToList(),
        };
        db.Surveys.Add(s);
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>Adds responses, each a map of item code → answer as typed (option code, number, residence area code); throws on an invalid answer.</summary>
    public static async Task ResponsesAsync(TestApp app, Survey survey, params Dictionary<string, string>[] rows)
    {
        await using var db = app.Database.Context();
        var loaded = await db.Surveys.Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Id == survey.Id);
        var items = SurveyItems.Of(loaded).ToDictionary(i => i.Code);
        var areas = ResidenceAreas.ByCode(await ResidenceAreas.ForAsync(db, loaded, default));
        foreach (var row in rows)
        {
            var answers = row.Select(kv =>
                Answers.Parse(items[kv.Key], kv.Value, areas, out var error) ?? throw new InvalidOperationException($"{kv.Key}={kv.Value}: {error}")).ToList();
            ResponseWriter.Add(db, survey.Id, new NewResponse(answers), areas, ResponseWriter.Import, new DateOnly(2025, 6, 1));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A response as item code → answer pairs, for <see cref="ResponsesAsync"/>.</summary>
    public static Dictionary<string, string> R(params (string Item, string Answer)[] answers) => answers.ToDictionary(a => a.Item, a => a.Answer);

    /// <summary>A number of an API answer, null when the API gave null (a withheld figure).</summary>
    public static double? Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    public const double Z95 = 1.959963984540054;

    /// <summary>The 95% logit interval of a share p with standard error se: expit(logit p ± 1.96 · se/(p(1 − p))), as the estimator gives for percentages.</summary>
    public static (double Low, double High) LogitInterval(double p, double se)
    {
        var logit = Math.Log(p / (1 - p));
        var half = Z95 * se / (p * (1 - p));
        return (1 / (1 + Math.Exp(-(logit - half))), 1 / (1 + Math.Exp(-(logit + half))));
    }

    /// <summary>The text of an xlsx's worksheets (inline strings), enough to find its notes in.</summary>
    public static string XlsxText(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Where(e => e.FullName.Contains("worksheets", StringComparison.Ordinal))
            .Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); }));
    }
}
