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

    /// <summary>A survey of Oldham by ward asking <paramref name="items"/> (bank codes) in order, owned by <paramref name="owner"/> (created when missing).</summary>
    public static async Task<Survey> SurveyAsync(TestApp app, string name, string[] items, bool open = true, bool published = true,
        string owner = "Test partner", string period = "2025", SurveyWeighting weighting = SurveyWeighting.None, AreaLevel level = AreaLevel.Ward)
    {
        await using var db = app.Database.Context();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == owner)
            ?? db.Organisations.Add(new Organisation { Name = owner, Kind = OrganisationKind.Voluntary, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        var area = await db.Areas.SingleAsync(a => a.Code == Oldham);
        var s = new Survey
        {
            Name = name, Title = $"Test {name}", AreaId = area.Id, Period = period, OwnerOrganisationId = org.Id, IsOpen = open, IsPublished = published,
            Weighting = weighting, ResidenceLevel = level, CreatedAt = DateTime.UtcNow, CreatedBy = "test",
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
}
