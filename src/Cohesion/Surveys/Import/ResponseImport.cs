using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Surveys.ItemBank;
using Cohesion.Surveys.Model;
using static Cohesion.Imports.ImportCounts;

namespace Cohesion.Surveys.Import;

/// <summary>
/// Reads a CSV of responses collected elsewhere (paper questionnaires typed up, another survey tool, a sample survey
/// with design weights): one row per response, one column per item code of the survey, and optional design columns.
/// Every cell goes through <see cref="Answers.Parse"/>, the parser the online form uses; every row is checked before
/// anything is written, and one problem rejects the file (format: docs/surveys.md).
/// </summary>
public static class ResponseImport
{
    public const string Weight = "weight", Stratum = "stratum", Cluster = "cluster", SubmittedOn = "submitted_on";
    public static readonly string[] Optional = [Weight, Stratum, Cluster, SubmittedOn];
    /// <summary>Responses one file may hold: larger surveys are split into several files.</summary>
    public const int MaxRows = 100_000;
    const int MaxDesignText = 64;

    /// <summary>A checked response and the day it was given.</summary>
    public sealed record Row(NewResponse Response, DateOnly SubmittedOn);

    /// <summary>
    /// Reads and checks the whole file against the survey's items and residence areas (code → id); throws
    /// <see cref="ImportFailedException"/> naming every problem (the first 50, and how many there were).
    /// </summary>
    public static IReadOnlyList<Row> Read(string path, IReadOnlyList<Item> items, IReadOnlyDictionary<string, int> residenceAreas, DateOnly today)
    {
        // The longest answer is an option code or a number; a longer field is read so the error can name its column.
        using var csv = StrictCsv.Open(path, maxField: 4 * SurveyLimits.ChoiceLength);
        var errors = new ImportErrors(csv.FileName);
        var (columns, design) = Header(csv, items);
        var rows = new List<Row>();
        while (csv.Read())
        {
            var line = csv.Line;
            if (rows.Count == MaxRows) throw ImportFailedException.One(csv.FileName, line, null, null, $"a file may hold at most {MaxRows:N0} responses: split it");
            if (csv.Record.Length != csv.Header.Length)
            {
                errors.Add(line, null, null, $"the line has {csv.Record.Length} fields; the header has {csv.Header.Length}");
                continue;
            }
            var before = errors.Count;
            var answers = new List<SurveyAnswer>(columns.Count);
            foreach (var (item, i) in columns)
            {
                var raw = csv.Record[i];
                if (Answers.Parse(item, raw, residenceAreas, out var error) is { } a) answers.Add(a);
                else if (error is not null) errors.Add(line, item.Code, raw.Trim(), error);
            }
            string Cell(string name) => design.TryGetValue(name, out var i) ? csv.Record[i].Trim() : "";
            var weight = ReadWeight(Cell(Weight), e => errors.Add(line, Weight, Cell(Weight), e));
            var stratum = DesignText(Stratum, Cell(Stratum), e => errors.Add(line, Stratum, Cell(Stratum), e));
            var cluster = DesignText(Cluster, Cell(Cluster), e => errors.Add(line, Cluster, Cell(Cluster), e));
            var on = ReadDate(Cell(SubmittedOn), today, e => errors.Add(line, SubmittedOn, Cell(SubmittedOn), e));
            if (errors.Count > before) continue;
            if (answers.Count == 0)
            {
                errors.Add(line, null, null, "the row answers no question: leave it out, or give at least one answer");
                continue;
            }
            rows.Add(new Row(new NewResponse(answers, weight, stratum, cluster), on));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(null, null, null, "the file has a header but no responses");
        errors.ThrowIfAny();
        return rows;
    }

    /// <summary>The item columns (item, index) and design columns (name → index); every unknown or repeated column is an error on line 1.</summary>
    static (List<(Item Item, int Index)> Items, Dictionary<string, int> Design) Header(StrictCsv csv, IReadOnlyList<Item> items)
    {
        var errors = new ImportErrors(csv.FileName);
        var byCode = items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var columns = new List<(Item, int)>();
        var design = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Header.Length; i++)
        {
            var h = csv.Header[i];
            if (!seen.Add(h)) errors.Add(1, h, h, "the column appears twice");
            else if (byCode.TryGetValue(h, out var item)) columns.Add((item, i));
            else if (Optional.Contains(h, StringComparer.OrdinalIgnoreCase)) design[h] = i;
            else errors.Add(1, h, h, h.Length == 0
                ? "a column has no name: every column is an item code of the survey or one of " + string.Join(", ", Optional)
                : $"unknown column: it is not a question of this survey. The columns are the survey's item codes ({Codes(items)}) and optionally {string.Join(", ", Optional)}");
        }
        if (errors.Count == 0 && columns.Count == 0)
            errors.Add(1, null, string.Join(",", csv.Header), $"no column is a question of this survey: name the columns by the survey's item codes ({Codes(items)})");
        errors.ThrowIfAny();
        return (columns, design);
    }

    static string Codes(IReadOnlyList<Item> items) =>
        items.Count <= 12 ? string.Join(", ", items.Select(i => i.Code)) : string.Join(", ", items.Take(12).Select(i => i.Code)) + $" and {items.Count - 12} more";

    static double? ReadWeight(string s, Action<string> fail)
    {
        if (s.Length == 0) return null;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && double.IsFinite(w) && w > 0) return w;
        fail("a weight must be a positive number, like 1 or 2.5 (blank counts as 1)");
        return null;
    }

    static string? DesignText(string column, string s, Action<string> fail)
    {
        if (s.Length == 0) return null;
        if (s.Length <= MaxDesignText) return s;
        fail($"a {column} must be {MaxDesignText} characters or fewer");
        return null;
    }

    static DateOnly ReadDate(string s, DateOnly today, Action<string> fail)
    {
        if (s.Length == 0) return today;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            fail("a date must be written yyyy-mm-dd, like 2025-06-30 (blank is the day of the import)");
            return today;
        }
        if (d > today) fail($"the date is in the future: a response cannot be given after today ({today:yyyy-MM-dd})");
        return d;
    }

    /// <summary>What an import added.</summary>
    public sealed record Result(int Responses, int Answers, int Weighted)
    {
        /// <summary>The message the page and the command line give: "Imported 1 response [into NAME] from FILE: 3 answers, 0 with a design weight".</summary>
        public string Message(string file, string? into = null) =>
            $"Imported {Count(Responses, "response", "responses")}{(into is null ? "" : $" into {into}")} from {file}: {Count(Answers, "answer", "answers")}, {Weighted:N0} with a design weight";
    }

    /// <summary>
    /// Writes checked responses into the survey in one transaction, with the audit entry: all of them or none. Batches are
    /// saved as they go so memory stays flat, but nothing is committed until the last one and the audit entry are in.
    /// </summary>
    public static async Task<Result> SaveAsync(CohesionDb db, Survey survey, IReadOnlyList<Row> rows, IReadOnlyDictionary<string, int> residenceAreas,
        string file, string actor, string ip, Action<string>? progress, CancellationToken ct)
    {
        const int Batch = 2_000;
        var answers = 0;
        var weighted = 0;
        return await PlacesCli.InTransaction(db, async () =>
        {
            progress?.Invoke($"writing {Count(rows.Count, "response", "responses")}");
            for (var i = 0; i < rows.Count; i++)
            {
                var r = ResponseWriter.Add(db, survey.Id, rows[i].Response, residenceAreas, ResponseWriter.Import, rows[i].SubmittedOn);
                answers += r.Answers.Count + (r.ResidenceAreaId is null ? 0 : 1);
                if (r.DesignWeight is not null) weighted++;
                if ((i + 1) % Batch == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            var result = new Result(rows.Count, answers, weighted);
            db.Record(actor, AuditActions.SurveyImport, $"survey {survey.Name} from {file}",
                $"{Count(result.Responses, "response", "responses")}, {Count(result.Answers, "answer", "answers")}, {result.Weighted} with a design weight", ip);
            return result;
        }, ct);
    }

    /// <summary>The survey's items and residence areas, as an import checks against them.</summary>
    public static async Task<(IReadOnlyList<Item> Items, Dictionary<string, int> Areas)> TargetAsync(CohesionDb db, Survey survey, CancellationToken ct) =>
        (SurveyItems.Of(survey), ResidenceAreas.ByCode(await ResidenceAreas.ForAsync(db, survey, ct)));

    public static DateOnly Today => UkTime.Today;
}
