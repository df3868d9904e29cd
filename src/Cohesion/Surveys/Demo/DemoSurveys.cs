using System.Diagnostics;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Places.Import;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Demo;

/// <summary>
/// The demo's synthetic residents' surveys of Oldham: 2023, 2024 and 2025, each asking every standard item of about
/// 1,500 made-up respondents drawn around the real Census 2011 population of Oldham's wards (see
/// <see cref="DemoPopulation"/> and <see cref="DemoAnswers"/>), published and closed, weighted by ward and broad
/// ethnic group; and the partnership's targets for the headline indicators. Made from a seed, so every start makes
/// the same data; owned by the Place Standard demo's organisation; labelled synthetic everywhere.
/// </summary>
public static class DemoSurveys
{
    public const ulong Seed = 1997;
    public const string Owner = PlaceStandard.Demo.DemoPlaceStandard.Owner;
    public const string TargetPeriod = "2026";

    /// <summary>One demo survey: its period and how many respond.</summary>
    public sealed record Plan(string Period, int Responses, DateOnly From)
    {
        public string Name => $"oldham-residents-{Period}";
        public string Title => $"Oldham residents' survey {Period}";
    }

    public static readonly IReadOnlyList<Plan> Plans =
    [
        new("2023", 1480, new DateOnly(2023, 9, 4)),
        new("2024", 1520, new DateOnly(2024, 9, 2)),
        new("2025", 1505, new DateOnly(2025, 9, 1)),
    ];

    /// <summary>The ward whose cohesion falls in the last year (Waterhead), for the story the trend pages tell.</summary>
    public const string StoryWard = DemoAnswers.StoryWard;

    /// <summary>The partnership's targets for the headline indicators in the district, by <see cref="TargetPeriod"/>.</summary>
    public static readonly IReadOnlyList<(string Indicator, double Value)> Targets =
    [
        ("cohesion", 85), ("belonging", 65), ("influence", 30), ("trust-neighbours", 45), ("pull-together", 65),
        ("sc-generalised-trust", 45), (Indicators.MixAnySetting, 85), (Indicators.CollectiveEfficacy, 35),
    ];

    /// <summary>Whether the demo place and its census counts are present and the demo surveys are not (plain SQL: cheap at start-up).</summary>
    public static async Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if ((await db.QueryAsync("SELECT 1 FROM areas WHERE code = @c LIMIT 1", _ => 1, ct, ("@c", DemoPlace.DistrictCode))).Count == 0) return false;
        if ((await db.QueryAsync("SELECT 1 FROM datasets WHERE name = @n LIMIT 1", _ => 1, ct, ("@n", Census2011.DatasetName))).Count == 0) return false;
        return (await db.QueryAsync("SELECT 1 FROM sv_surveys WHERE name = @n LIMIT 1", _ => 1, ct, ("@n", Plans[0].Name))).Count == 0;
    }

    /// <summary>What seeding made: surveys, responses and answers, and how long it took.</summary>
    public sealed record Result(int Surveys, int Responses, long Answers, TimeSpan Took);

    /// <summary>Seeds the demo surveys and targets in one transaction; null when there was nothing to do.</summary>
    public static async Task<Result?> SeedAsync(CohesionDb db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (!await NeedsSeedingAsync(db, ct)) return null;
        var district = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == DemoPlace.DistrictCode, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Name == Owner, ct);
        if (owner is null)
        {
            owner = OrganisationAdmin.Add(db, Owner, OrganisationKind.Council, Audit.SystemActor, "");
            await db.SaveChangesAsync(ct);
        }
        var surveys = Plans.Select(p => new Survey
        {
            Name = p.Name, Title = p.Title, AreaId = district.Id, ResidenceLevel = AreaLevel.Ward, Period = p.Period, OwnerOrganisationId = owner.Id,
            IsOpen = false, IsPublished = true, IsSynthetic = true, Weighting = SurveyWeighting.AreaAndEthnicGroup,
            CreatedAt = DateTime.UtcNow, CreatedBy = Audit.SystemActor,
            Description = "Synthetic demonstration data: made-up responses generated from a seed around Oldham's Census 2011 population, describing no real person's views.",
            Questions = StandardItems.All.Select((item, i) => new SurveyQuestion { ItemCode = item.Code, Position = i + 1 }).ToList(),
        }).ToList();
        db.Surveys.AddRange(surveys);
        db.SurveyTargets.AddRange(Targets.Select(t => new IndicatorTarget
        {
            AreaId = district.Id, Indicator = t.Indicator, Value = t.Value, ByPeriod = TargetPeriod, OwnerOrganisationId = owner.Id,
            Note = "Demonstration target set for the synthetic surveys.", CreatedAt = DateTime.UtcNow, CreatedBy = Audit.SystemActor,
        }));
        await db.SaveChangesAsync(ct);
        var wards = await ResidenceAreas.ForAsync(db, surveys[0], ct);
        var residence = ResidenceAreas.ByCode(wards);
        var population = await DemoPopulation.LoadAsync(db, wards, ct);
        var responses = new List<SurveyResponse>(Plans.Sum(p => p.Responses));
        for (var y = 0; y < Plans.Count; y++)
            responses.AddRange(Generate(Plans[y], y, surveys[y].Id, population, residence));
        var answers = await ResponseBulkWriter.WriteAsync(db, responses, ct);
        db.Record(Audit.SystemActor, AuditActions.SurveyImport, "demo surveys for Oldham",
            $"{surveys.Count} synthetic surveys ({string.Join(", ", surveys.Select(s => s.Name))}), {responses.Count} responses, {answers} answers; {Targets.Count} targets");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(surveys.Count, responses.Count, answers, clock.Elapsed);
    }

    /// <summary>One year's responses, every answer read by <see cref="Answers.Parse"/> as the form and the import read theirs.</summary>
    static IEnumerable<SurveyResponse> Generate(Plan plan, int year, int surveyId, DemoPopulation population, Dictionary<string, int> residence)
    {
        var rng = new DemoRandom(Seed, (ulong)year);
        var model = new DemoAnswers(population, year);
        foreach (var person in population.Respondents(rng, plan.Responses))
        {
            var raw = model.For(person, rng);
            var answers = new List<SurveyAnswer>(raw.Count);
            foreach (var item in StandardItems.All)
            {
                if (!raw.TryGetValue(item.Code, out var text)) continue;
                answers.Add(Answers.Parse(item, text, residence, out var error)
                    ?? throw new InvalidOperationException($"Demo survey answer {item.Code}={text}: {error}"));
            }
            yield return ResponseWriter.ToResponse(surveyId, new NewResponse(answers), residence, ResponseWriter.Demo, plan.From.AddDays(rng.Below(70)));
        }
    }
}
