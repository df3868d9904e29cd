using Cohesion.Data;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Results;

/// <summary>One item's answers, one cell per response: the option code (choice items) and the value (score or number; NaN when not answered).</summary>
public sealed record ItemColumn(Item Item, string?[] Choices, double[] Values)
{
    public bool Answered(int row) => Choices[row] is not null || !double.IsNaN(Values[row]);
}

/// <summary>
/// A survey's responses as columns, the shape estimation wants: row i is the i-th response (by id), every item the
/// survey asks has a column, residence is the area id (null when not given), and an import's design columns come along.
/// </summary>
public sealed class SurveyData
{
    public required Survey Survey { get; init; }
    public required IReadOnlyList<Item> Items { get; init; }
    public required int Rows { get; init; }
    public required int?[] Residence { get; init; }
    public required double?[] DesignWeight { get; init; }
    public required string?[] Stratum { get; init; }
    public required string?[] Cluster { get; init; }
    public required IReadOnlyDictionary<string, ItemColumn> Columns { get; init; }

    public ItemColumn? Column(string code) => Columns.GetValueOrDefault(code);

    /// <summary>Reads every response and answer of the survey in two queries (responses, then answers in id order).</summary>
    public static async Task<SurveyData> LoadAsync(CohesionDb db, Survey survey, CancellationToken ct)
    {
        var items = SurveyItems.Of(survey);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ResidenceAreaId, r.DesignWeight, r.Stratum, r.Cluster }).ToListAsync(ct);
        var n = responses.Count;
        var rowOf = new Dictionary<long, int>(n);
        for (var i = 0; i < n; i++) rowOf[responses[i].Id] = i;
        var columns = items.Where(i => i.Kind != ItemKind.Residence).ToDictionary(i => i.Code,
            i => new ItemColumn(i, new string?[n], Enumerable.Repeat(double.NaN, n).ToArray()), StringComparer.Ordinal);
        var answers = db.SurveyAnswers.AsNoTracking()
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == survey.Id))
            .Select(a => new { a.ResponseId, a.ItemCode, a.Choice, a.Value }).AsAsyncEnumerable();
        await foreach (var a in answers.WithCancellation(ct))
        {
            // An answer to an item the survey no longer asks (removed before it had answers elsewhere) counts nowhere.
            if (!columns.TryGetValue(a.ItemCode, out var column) || !rowOf.TryGetValue(a.ResponseId, out var row)) continue;
            column.Choices[row] = a.Choice;
            column.Values[row] = a.Value ?? (a.Choice is null ? double.NaN : column.Item.Option(a.Choice)?.Score ?? double.NaN);
        }
        return new SurveyData
        {
            Survey = survey, Items = items, Rows = n, Columns = columns,
            Residence = responses.Select(r => r.ResidenceAreaId).ToArray(),
            DesignWeight = responses.Select(r => r.DesignWeight).ToArray(),
            Stratum = responses.Select(r => r.Stratum).ToArray(),
            Cluster = responses.Select(r => r.Cluster).ToArray(),
        };
    }
}
