using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using static Cohesion.Imports.ImportCounts;

namespace Cohesion.PlaceStandard.Import;

/// <summary>
/// Reads a CSV of Place Standard assessments collected elsewhere (paper forms typed up, another survey tool): one
/// row per assessment and theme, the assessment's own fields repeated on each of its rows. Every row is checked
/// before anything is written; one problem rejects the file, with the line, column and value of each problem
/// (format: docs/place-standard.md).
/// </summary>
public static class AssessmentImport
{
    public static readonly string[] Columns =
        ["assessment", "kind", "participants", "group_label", "age_band", "sex", "ethnic_group", "disability", "theme", "score", "good_now", "could_be_better"];
    static readonly string[] Required = ["assessment", "theme", "score"];
    public const int MaxAssessments = 50_000;
    const int MaxReference = 50;

    /// <summary>An assessment being put together from its rows, with where each of its fields came from.</summary>
    sealed class Pending(long line, string reference, string[] fields)
    {
        public readonly long Line = line;
        public readonly string Reference = reference;
        /// <summary>The assessment-level fields as first given: kind, participants, group_label, age_band, sex, ethnic_group, disability.</summary>
        public readonly string[] Fields = fields;
        public readonly int[] Scores = new int[PlaceStandardThemes.Count];
        public readonly string?[] GoodNow = new string?[PlaceStandardThemes.Count];
        public readonly string?[] CouldBeBetter = new string?[PlaceStandardThemes.Count];
        public readonly long[] ThemeLine = new long[PlaceStandardThemes.Count];
        public NewAssessment? Checked;
    }

    static readonly string[] AssessmentFields = ["kind", "participants", "group_label", "age_band", "sex", "ethnic_group", "disability"];

    /// <summary>Reads and checks the whole file; throws <see cref="ImportFailedException"/> naming every problem (up to 50).</summary>
    public static IReadOnlyList<NewAssessment> Read(string path)
    {
        // Comments may be up to 1,000 characters; a longer field is read so the error can name its column.
        using var csv = StrictCsv.Open(path, maxField: 4 * PlaceStandardLimits.CommentLength);
        var errors = new ImportErrors(csv.FileName);
        var index = Header(csv);
        string Field(string name) => index.TryGetValue(name, out var i) && i < csv.Record.Length ? csv.Record[i].Trim() : "";

        var byReference = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var order = new List<Pending>();
        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.Record.Length != csv.Header.Length)
            {
                errors.Add(line, null, null, $"the line has {csv.Record.Length} fields; the header has {csv.Header.Length}");
                continue;
            }
            var reference = Field("assessment");
            if (reference.Length == 0) { errors.Add(line, "assessment", "", "every row needs the reference of its assessment (any text that is the same on all of its rows)"); continue; }
            if (reference.Length > MaxReference) { errors.Add(line, "assessment", reference, $"an assessment reference must be {MaxReference} characters or fewer"); continue; }

            var fields = AssessmentFields.Select(Field).ToArray();
            if (!byReference.TryGetValue(reference, out var a))
            {
                if (byReference.Count == MaxAssessments) throw ImportFailedException.One(csv.FileName, line, "assessment", reference, $"a file may hold at most {MaxAssessments:N0} assessments: split it");
                a = new Pending(line, reference, fields);
                byReference[reference] = a;
                order.Add(a);
                a.Checked = CheckAssessment(fields, (column, value, message) => errors.Add(line, column, value, message));
            }
            else
            {
                for (var f = 0; f < fields.Length; f++)
                    if (!string.Equals(fields[f], a.Fields[f], StringComparison.OrdinalIgnoreCase))
                        errors.Add(line, AssessmentFields[f], fields[f], $"differs from line {a.Line} of assessment '{reference}' ('{a.Fields[f]}'): an assessment's own fields must be the same on all its rows");
            }

            var themeText = Field("theme");
            if (PlaceStandardThemes.Find(themeText) is not { } theme)
            {
                errors.Add(line, "theme", themeText, $"unknown theme: use a code ({string.Join(", ", PlaceStandardThemes.All.Select(t => t.Code))}) or a number from 1 to 14");
                continue;
            }
            var t = theme.Number - 1;
            if (a.ThemeLine[t] != 0)
            {
                errors.Add(line, "theme", themeText, $"assessment '{reference}' already has {theme.Name} on line {a.ThemeLine[t]}: one row per theme");
                continue;
            }
            a.ThemeLine[t] = line;
            if (AssessmentRules.Score(Field("score"), out a.Scores[t]) is { } bad) errors.Add(line, "score", Field("score"), bad);
            foreach (var (column, target) in new[] { ("good_now", a.GoodNow), ("could_be_better", a.CouldBeBetter) })
            {
                var text = Field(column);
                if (AssessmentRules.Comment(text) is { } tooLong) errors.Add(line, column, text, tooLong);
                else target[t] = text.Length == 0 ? null : text;
            }
        }
        if (order.Count == 0 && errors.Count == 0) errors.Add(null, null, null, "the file has a header but no assessments");
        foreach (var a in order)
            if (a.Checked is not null && a.Scores.All(s => s == 0) && a.GoodNow.All(c => c is null) && a.CouldBeBetter.All(c => c is null))
                errors.Add(a.Line, "assessment", a.Reference, "the assessment answers no theme: give a score or a comment on at least one");
        errors.ThrowIfAny();
        return order.Select(a => a.Checked! with { Scores = a.Scores, GoodNow = a.GoodNow, CouldBeBetter = a.CouldBeBetter }).ToList();
    }

    static Dictionary<string, int> Header(StrictCsv csv)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Header.Length; i++)
        {
            var h = csv.Header[i];
            if (!Columns.Contains(h, StringComparer.OrdinalIgnoreCase))
                throw ImportFailedException.One(csv.FileName, 1, h, h, $"unknown column: the columns are {string.Join(",", Columns)} (assessment, theme and score are required)");
            if (!index.TryAdd(h, i)) throw ImportFailedException.One(csv.FileName, 1, h, h, "the column appears twice");
        }
        if (Required.FirstOrDefault(r => !index.ContainsKey(r)) is { } missing)
            throw ImportFailedException.One(csv.FileName, 1, null, string.Join(",", csv.Header), $"the column '{missing}' is missing: assessment, theme and score are required");
        return index;
    }

    /// <summary>The assessment-level fields, checked; null when any is wrong (each problem reported).</summary>
    static NewAssessment? CheckAssessment(string[] f, Action<string, string, string> fail)
    {
        var ok = true;
        void Check(string column, string value, string? problem)
        {
            if (problem is null) return;
            fail(column, value, problem);
            ok = false;
        }
        AssessmentKind kind;
        if (f[0].Length == 0 || f[0].Equals("individual", StringComparison.OrdinalIgnoreCase)) kind = AssessmentKind.Individual;
        else if (f[0].Equals("group", StringComparison.OrdinalIgnoreCase)) kind = AssessmentKind.Group;
        else
        {
            fail("kind", f[0], "kind must be individual or group (blank is individual)");
            return null;
        }
        Check("participants", f[1], AssessmentRules.Participants(kind, f[1], out var participants));
        Check("group_label", f[2], AssessmentRules.GroupLabel(kind, f[2]));
        Check("age_band", f[3], AssessmentRules.Code(RespondentGroups.AgeBand, f[3], out var age));
        Check("sex", f[4], AssessmentRules.Code(RespondentGroups.Sex, f[4], out var sex));
        Check("ethnic_group", f[5], AssessmentRules.Code(RespondentGroups.EthnicGroup, f[5], out var ethnic));
        Check("disability", f[6], AssessmentRules.Code(RespondentGroups.Disability, f[6], out var disability));
        return ok ? new NewAssessment(kind, participants, f[2], age, sex, ethnic, disability, [], [], []) : null;
    }

    /// <summary>What an import added.</summary>
    public sealed record Result(int Assessments, int Groups, int Scores, int Comments, int CommentsHeld)
    {
        /// <summary>"1 assessment (none by a group)", "3 assessments (1 by a group)".</summary>
        public string Added => $"{Count(Assessments, "assessment", "assessments")} ({Groups switch { 0 => "none", 1 => "1", _ => $"{Groups:N0}" }} by {(Groups > 1 ? "groups" : "a group")})";
        public string ScoresAndComments => $"{Count(Scores, "score", "scores")} and {Count(Comments, "comment", "comments")}";
    }

    /// <summary>
    /// Writes checked assessments into an engagement in one transaction, with the audit entry: all of them or
    /// none. Comments are screened; with <paramref name="approveClean"/> those where the screen finds nothing are
    /// published at once, the rest wait for a moderator.
    /// </summary>
    public static async Task<Result> SaveAsync(CohesionDb db, Engagement engagement, IReadOnlyList<NewAssessment> rows, string file, bool approveClean,
        string actor, string ip, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var added = new List<Assessment>(rows.Count);
        return await PlacesCli.InTransaction(db, () =>
        {
            foreach (var r in rows) added.Add(AssessmentWriter.Add(db, engagement.Id, r, AssessmentWriter.Import, today, approveClean: approveClean));
            var comments = added.Sum(a => a.Comments.Count);
            var held = added.Sum(a => a.Comments.Count(c => c.State == ModerationState.Pending));
            var result = new Result(added.Count, added.Count(a => a.Kind == AssessmentKind.Group), added.Sum(a => a.Scores.Count), comments, held);
            db.Record(actor, AuditActions.PlaceStandardImport, $"place-standard {engagement.Name} from {file}",
                $"{result.Added}, {Count(result.Scores, "score", "scores")}, {Count(result.Comments, "comment", "comments")} ({result.CommentsHeld} held for moderation)", ip);
            return Task.FromResult(result);
        }, ct);
    }
}
