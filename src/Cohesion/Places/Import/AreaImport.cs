using System.Text.RegularExpressions;
using Cohesion.Data;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places.Import;

/// <summary>One area as read from a file, with the line it came from.</summary>
public sealed record AreaRow(long Line, string Code, string Name, AreaLevel Level, string? ParentCode, string[] AlsoIn);

public sealed record AreaImportResult(int Added, int Updated, int Groupings);

/// <summary>
/// Areas CSV: <c>code,name,level,parent_code[,also_in]</c>. <c>also_in</c> lists, separated by <c>;</c>,
/// other areas the area belongs to that are not its statistical parent (an LSOA's best-fit ward).
/// </summary>
public static partial class AreaImport
{
    public static readonly string[] Header = ["code", "name", "level", "parent_code"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]*$")]
    private static partial Regex CodePattern();

    public static bool IsValidCode(string code) => code.Length <= PlacesLimits.CodeLength && CodePattern().IsMatch(code);

    public static List<AreaRow> ReadCsv(string path)
    {
        using var csv = StrictCsv.Open(path);
        csv.RequireHeader(Header, "also_in");
        var errors = new ImportErrors(csv.FileName);
        var rows = new List<AreaRow>();
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var r = csv.Record;
            var line = csv.Line;
            if (r.Length != csv.Header.Length)
            {
                errors.Add(line, null, null, $"expected {csv.Header.Length} fields, found {r.Length}");
                continue;
            }
            var code = r[0].Trim();
            var name = r[1].Trim();
            var levelText = r[2].Trim();
            var parent = r[3].Trim();
            var alsoIn = r.Length > 4 ? r[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var ok = true;
            if (code.Length == 0) { errors.Add(line, "code", code, "the area code is empty"); ok = false; }
            else if (code.Length > PlacesLimits.CodeLength) { errors.Add(line, "code", code, $"the area code is longer than {PlacesLimits.CodeLength} characters"); ok = false; }
            else if (!IsValidCode(code)) { errors.Add(line, "code", code, "an area code may contain only letters, digits and _ . : -"); ok = false; }
            else if (seen.TryGetValue(code, out var first)) { errors.Add(line, "code", code, $"duplicate area: the same code is on line {first}"); ok = false; }
            else seen[code] = line;
            if (name.Length == 0) { errors.Add(line, "name", name, "the area name is empty"); ok = false; }
            else if (name.Length > PlacesLimits.NameLength) { errors.Add(line, "name", name, $"the area name is longer than {PlacesLimits.NameLength} characters"); ok = false; }
            if (!AreaLevels.TryParse(levelText, out var level)) { errors.Add(line, "level", levelText, $"unknown level: use one of {AreaLevels.AllTokens}"); ok = false; }
            if (parent.Length > 0 && !IsValidCode(parent)) { errors.Add(line, "parent_code", parent, "not a valid area code"); ok = false; }
            if (string.Equals(parent, code, StringComparison.OrdinalIgnoreCase) && code.Length > 0) { errors.Add(line, "parent_code", parent, "an area cannot be its own parent"); ok = false; }
            foreach (var g in alsoIn.Where(g => !IsValidCode(g))) { errors.Add(line, "also_in", g, "not a valid area code"); ok = false; }
            if (ok) rows.Add(new AreaRow(line, code, name, level, parent.Length == 0 ? null : parent, alsoIn));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(null, null, null, "the file has a header but no areas");
        errors.ThrowIfAny();
        return rows;
    }

    /// <summary>
    /// Adds or updates the areas inside the caller's transaction. Parents and groups must be in the rows or
    /// already in the database, and must be at a larger level. With <paramref name="overwrite"/> false,
    /// existing areas keep their name (used when deriving areas from a census file).
    /// </summary>
    /// <remarks>
    /// Written with <see cref="AreaWriter"/> rather than EF change tracking: a national load is 42,000 areas.
    /// Without a caller's transaction it opens its own, so the areas and their groupings land together.
    /// </remarks>
    public static async Task<AreaImportResult> SaveAsync(CohesionDb db, IReadOnlyList<AreaRow> rows, string fileName, bool overwrite = true, CancellationToken ct = default)
    {
        var existing = await AreaWriter.LoadAsync(db, ct);
        var inFile = rows.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new ImportErrors(fileName);
        AreaLevel? LevelOf(string code) =>
            inFile.TryGetValue(code, out var r) ? r.Level : existing.TryGetValue(code, out var a) ? a.Level : null;
        foreach (var r in rows)
        {
            if (r.ParentCode is { } p)
            {
                var pl = LevelOf(p);
                if (pl is null) errors.Add(r.Line, "parent_code", p, "unknown area code: the parent is neither in this file nor already loaded");
                else if ((int)pl <= (int)r.Level) errors.Add(r.Line, "parent_code", p, $"the parent is a {pl.Value.Label()}, which is not larger than a {r.Level.Label()}");
            }
            foreach (var g in r.AlsoIn)
            {
                var gl = LevelOf(g);
                if (gl is null) errors.Add(r.Line, "also_in", g, "unknown area code: the group is neither in this file nor already loaded");
                else if ((int)gl <= (int)r.Level) errors.Add(r.Line, "also_in", g, $"the group is a {gl.Value.Label()}, which is not larger than a {r.Level.Label()}");
            }
        }
        errors.ThrowIfAny();

        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        int added = 0, updated = 0;
        var changed = new List<StoredArea>();
        // Largest level first so every parent has an id before its children refer to it; a level at a time,
        // since validation guarantees a parent is at a larger level than its child.
        foreach (var level in rows.GroupBy(r => r.Level).OrderByDescending(g => (int)g.Key))
        {
            var fresh = new List<AreaRow>();
            foreach (var r in level)
            {
                if (existing.TryGetValue(r.Code, out var a))
                {
                    var next = a;
                    if (overwrite) next = next with { Name = r.Name, Level = r.Level };
                    if (r.ParentCode is { } p && (overwrite || a.ParentId is null)) next = next with { ParentId = existing[p].Id };
                    if (next != a) { changed.Add(next); existing[r.Code] = next; }
                    updated++;
                }
                else fresh.Add(r);
            }
            var ids = await AreaWriter.InsertAsync(db, fresh.Select(r => new NewArea(r.Code, r.Name, r.Level, r.ParentCode is { } p ? existing[p].Id : null)).ToList(), ct);
            for (var i = 0; i < fresh.Count; i++)
            {
                var r = fresh[i];
                existing[r.Code] = new StoredArea(ids[i], r.Code, r.Name, r.Level, r.ParentCode is { } p ? existing[p].Id : null);
            }
            added += fresh.Count;
        }
        await AreaWriter.UpdateAsync(db, changed, ct);

        var groupings = 0;
        var withGroups = rows.Where(r => r.AlsoIn.Length > 0).ToList();
        if (withGroups.Count > 0)
        {
            var ids = withGroups.Select(r => existing[r.Code].Id).ToHashSet();
            var old = await AreaWriter.GroupingsOfAsync(db, ids, ct);
            if (overwrite) await AreaWriter.DeleteGroupingsAsync(db, old, ct);
            var keep = overwrite ? [] : old.ToHashSet();
            var add = new List<(int, int)>();
            foreach (var r in withGroups)
                foreach (var g in r.AlsoIn.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var key = (existing[r.Code].Id, existing[g].Id);
                    if (keep.Contains(key)) continue;
                    add.Add(key);
                    groupings++;
                }
            await AreaWriter.InsertGroupingsAsync(db, add, ct);
        }
        if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        return new AreaImportResult(added, updated, groupings);
    }
}
