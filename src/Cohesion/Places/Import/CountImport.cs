using System.Globalization;
using System.Text.RegularExpressions;
using Cohesion.Data;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places.Import;

/// <summary>How to read a counts table and describe the dataset it feeds.</summary>
public sealed record CountImportOptions
{
    public required string Dataset { get; init; }
    public required string Period { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Licence { get; init; }
    public string? Attribution { get; init; }
    public bool Synthetic { get; init; }
    public int? OwnerOrganisationId { get; init; }
    /// <summary>Wide tables: the column holding the area code (default: the first column).</summary>
    public string? AreaColumn { get; init; }
    /// <summary>Wide tables: columns that are not counts (e.g. names of larger areas).</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];
    /// <summary>The category that is the area total rather than a group.</summary>
    public string? TotalColumn { get; init; }
    /// <summary>Display labels for category codes.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Replace everything already stored for the dataset and period, instead of adding to it.</summary>
    public bool Replace { get; init; }
}

/// <summary>One count as read, with the line and column it came from.</summary>
public readonly record struct CountCell(long Line, string AreaCode, int Category, long Value);

public sealed record CountTable(string FileName, IReadOnlyList<string> Categories, IReadOnlyList<CountCell> Cells, long RowsRead);

public sealed record CountImportResult(int DatasetId, long RowsRead, long BaseCounts, long DerivedCounts);

/// <summary>
/// Counts CSV, wide (<c>area_code,CatA,CatB,…</c>: one row per area) or long (<c>area_code,category,value</c>).
/// Counts are whole numbers ≥ 0; every area must be known; an area (or area and category) appears once.
/// </summary>
public static partial class CountImport
{
    public const int MaxCategories = 200;

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex DatasetNamePattern();

    public static string? CheckPeriod(string period) =>
        PeriodPattern().IsMatch(period) ? null : $"period '{period}' is not YYYY, YYYY-MM or YYYY-Qn";

    public static string? CheckDatasetName(string name) =>
        DatasetNamePattern().IsMatch(name) ? null : $"dataset name '{name}' must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit";

    public static CountTable ReadCsv(string path, CountImportOptions options, IReadOnlySet<string> knownAreas)
    {
        using var csv = StrictCsv.Open(path);
        var h = csv.Header;
        var isLong = h.Length == 3 && h[0].Equals("area_code", StringComparison.OrdinalIgnoreCase)
            && h[1].Equals("category", StringComparison.OrdinalIgnoreCase) && h[2].Equals("value", StringComparison.OrdinalIgnoreCase);
        return isLong ? ReadLong(csv, knownAreas) : ReadWide(csv, options, knownAreas);
    }

    static CountTable ReadWide(StrictCsv csv, CountImportOptions o, IReadOnlySet<string> knownAreas)
    {
        var h = csv.Header;
        var areaCol = o.AreaColumn is null ? 0 : csv.ColumnIndex(o.AreaColumn);
        if (areaCol < 0) throw ImportFailedException.One(csv.FileName, 1, o.AreaColumn, null, "wrong header: the area column is not in the header");
        foreach (var ig in o.IgnoreColumns.Where(ig => csv.ColumnIndex(ig) < 0))
            throw ImportFailedException.One(csv.FileName, 1, ig, null, "wrong header: a column to ignore is not in the header");
        var ignore = o.IgnoreColumns.Select(csv.ColumnIndex).ToHashSet();
        var catCols = Enumerable.Range(0, h.Length).Where(i => i != areaCol && !ignore.Contains(i)).ToArray();
        var headerErrors = new ImportErrors(csv.FileName);
        if (catCols.Length == 0) headerErrors.Add(1, null, string.Join(",", h), "wrong header: no count columns (expected area_code followed by one column per category, or area_code,category,value)");
        if (catCols.Length > MaxCategories) headerErrors.Add(1, null, null, $"wrong header: more than {MaxCategories} count columns");
        var dupHeader = catCols.GroupBy(i => h[i], StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dupHeader is not null) headerErrors.Add(1, dupHeader.Key, null, "wrong header: the column name appears twice");
        foreach (var i in catCols.Where(i => !IsValidCategory(h[i]))) headerErrors.Add(1, h[i], null, "wrong header: a category name must be 1-64 characters: letters, digits, space, _ . - ( ) / +");
        if (o.TotalColumn is { } t && !catCols.Any(i => h[i].Equals(t, StringComparison.OrdinalIgnoreCase)))
            headerErrors.Add(1, t, null, "wrong header: the total column is not one of the count columns");
        headerErrors.ThrowIfAny();

        var errors = new ImportErrors(csv.FileName);
        var cells = new List<CountCell>();
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        long rows = 0;
        while (csv.Read())
        {
            rows++;
            var r = csv.Record;
            if (r.Length != h.Length) { errors.Add(csv.Line, null, null, $"expected {h.Length} fields, found {r.Length}"); continue; }
            var code = r[areaCol].Trim();
            if (!CheckArea(errors, csv.Line, h[areaCol], code, knownAreas)) continue;
            if (seen.TryGetValue(code, out var first)) { errors.Add(csv.Line, h[areaCol], code, $"duplicate row: the same area is on line {first}"); continue; }
            seen[code] = csv.Line;
            for (var k = 0; k < catCols.Length; k++)
            {
                var col = catCols[k];
                if (ParseCount(errors, csv.Line, h[col], r[col]) is { } v) cells.Add(new CountCell(csv.Line, code, k, v));
            }
        }
        if (rows == 0) errors.Add(null, null, null, "the file has a header but no rows");
        errors.ThrowIfAny();
        return new CountTable(csv.FileName, catCols.Select(i => h[i]).ToList(), cells, rows);
    }

    static CountTable ReadLong(StrictCsv csv, IReadOnlySet<string> knownAreas)
    {
        var errors = new ImportErrors(csv.FileName);
        var categories = new List<string>();
        var catIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cells = new List<CountCell>();
        var seen = new Dictionary<(string, int), long>();
        long rows = 0;
        while (csv.Read())
        {
            rows++;
            var r = csv.Record;
            if (r.Length != 3) { errors.Add(csv.Line, null, null, $"expected 3 fields, found {r.Length}"); continue; }
            var code = r[0].Trim();
            var cat = r[1].Trim();
            if (!CheckArea(errors, csv.Line, "area_code", code, knownAreas)) continue;
            if (!IsValidCategory(cat)) { errors.Add(csv.Line, "category", cat, "a category must be 1-64 characters: letters, digits, space, _ . - ( ) / +"); continue; }
            if (!catIndex.TryGetValue(cat, out var k))
            {
                if (categories.Count >= MaxCategories) { errors.Add(csv.Line, "category", cat, $"more than {MaxCategories} categories"); continue; }
                k = catIndex[cat] = categories.Count;
                categories.Add(cat);
            }
            if (seen.TryGetValue((code.ToUpperInvariant(), k), out var first)) { errors.Add(csv.Line, "category", cat, $"duplicate row: the same area and category are on line {first}"); continue; }
            seen[(code.ToUpperInvariant(), k)] = csv.Line;
            if (ParseCount(errors, csv.Line, "value", r[2]) is { } v) cells.Add(new CountCell(csv.Line, code, k, v));
        }
        if (rows == 0) errors.Add(null, null, null, "the file has a header but no rows");
        errors.ThrowIfAny();
        return new CountTable(csv.FileName, categories, cells, rows);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.()/+-]{0,63}$")]
    private static partial Regex CategoryPattern();

    static bool IsValidCategory(string c) => CategoryPattern().IsMatch(c);

    static bool CheckArea(ImportErrors errors, long line, string column, string code, IReadOnlySet<string> known)
    {
        if (code.Length == 0) { errors.Add(line, column, code, "the area code is empty"); return false; }
        if (!known.Contains(code)) { errors.Add(line, column, code, "unknown area code: load the area first (cohesion import areas)"); return false; }
        return true;
    }

    static long? ParseCount(ImportErrors errors, long line, string column, string text)
    {
        var t = text.Trim();
        if (t.Length == 0) { errors.Add(line, column, text, "the count is empty"); return null; }
        if (long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var neg) && neg < 0)
            errors.Add(line, column, text, "a count cannot be negative");
        else errors.Add(line, column, text, "a count must be a whole number");
        return null;
    }

    /// <summary>
    /// Stores a table inside the caller's transaction: creates or updates the dataset and its categories,
    /// writes the counts, and rebuilds the sums for larger areas over the whole dataset period.
    /// </summary>
    public static async Task<CountImportResult> SaveAsync(CohesionDb db, CountTable table, CountImportOptions o, string actor, CancellationToken ct = default)
    {
        var dataset = await db.Datasets.Include(d => d.Categories).SingleOrDefaultAsync(d => d.Name == o.Dataset, ct);
        if (dataset is null)
        {
            dataset = new Dataset { Name = o.Dataset, Title = o.Title ?? o.Dataset, CreatedAt = DateTime.UtcNow, CreatedBy = actor };
            db.Datasets.Add(dataset);
        }
        if (o.Title is not null) dataset.Title = o.Title;
        if (o.Source is not null) dataset.Source = o.Source;
        if (o.Licence is not null) dataset.Licence = o.Licence;
        if (o.Attribution is not null) dataset.Attribution = o.Attribution;
        if (o.Synthetic) dataset.IsSynthetic = true;
        if (o.OwnerOrganisationId is { } owner) dataset.OwnerOrganisationId = owner;
        var catIds = new int[table.Categories.Count];
        var byCode = dataset.Categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var order = dataset.Categories.Count == 0 ? 0 : dataset.Categories.Max(c => c.SortOrder) + 1;
        var newCats = new List<(int Index, DatasetCategory Cat)>();
        for (var i = 0; i < table.Categories.Count; i++)
        {
            var code = table.Categories[i];
            if (!byCode.TryGetValue(code, out var cat))
            {
                cat = new DatasetCategory { Code = code, Label = o.Labels.GetValueOrDefault(code, code), SortOrder = order++ };
                dataset.Categories.Add(cat);
                byCode[code] = cat;
            }
            else if (o.Labels.TryGetValue(code, out var label)) cat.Label = label;
            if (o.TotalColumn is not null) cat.IsTotal = code.Equals(o.TotalColumn, StringComparison.OrdinalIgnoreCase);
            newCats.Add((i, cat));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (i, cat) in newCats) catIds[i] = cat.Id;

        var areaIds = await db.Areas.AsNoTracking().Select(a => new { a.Code, a.Id }).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);
        // The base counts of the period after this import are the ones kept plus the ones written now, so the
        // sums are computed from those in memory rather than by reading back half a million rows.
        var kept = new List<(int AreaId, int CategoryId, long Value)>();
        if (o.Replace)
            await db.AreaCounts.Where(c => c.DatasetId == dataset.Id && c.Period == o.Period).ExecuteDeleteAsync(ct);
        else
        {
            await db.AreaCounts.Where(c => c.DatasetId == dataset.Id && c.Period == o.Period && c.IsDerived).ExecuteDeleteAsync(ct);
            kept = (await db.AreaCounts.AsNoTracking().Where(c => c.DatasetId == dataset.Id && c.Period == o.Period)
                .Select(c => new { c.AreaId, c.CategoryId, c.Value }).ToListAsync(ct)).Select(c => (c.AreaId, c.CategoryId, c.Value)).ToList();
            var existing = kept.Select(c => (c.AreaId, c.CategoryId)).ToHashSet();
            if (existing.Count > 0)
            {
                var errors = new ImportErrors(table.FileName);
                foreach (var c in table.Cells.Where(c => existing.Contains((areaIds[c.AreaCode], catIds[c.Category]))))
                    errors.Add(c.Line, table.Categories[c.Category], c.AreaCode, $"dataset '{o.Dataset}' already has this count for {o.Period}: use --replace to load the period again");
                errors.ThrowIfAny();
            }
        }

        var baseRows = table.Cells.Select(c => new AreaCount
        {
            DatasetId = dataset.Id, Period = o.Period, AreaId = areaIds[c.AreaCode], CategoryId = catIds[c.Category], Value = c.Value,
        }).ToList();
        await CountWriter.WriteAsync(db, baseRows, ct);

        var hierarchy = await AreaHierarchy.LoadAsync(db, ct);
        var derived = Rollup.Compute(kept.Concat(baseRows.Select(c => (c.AreaId, c.CategoryId, c.Value))), hierarchy)
            .Select(d => new AreaCount { DatasetId = dataset.Id, Period = o.Period, AreaId = d.AreaId, CategoryId = d.CategoryId, Value = d.Value, IsDerived = true })
            .ToList();
        await CountWriter.WriteAsync(db, derived, ct);

        db.DatasetImports.Add(new DatasetImport
        {
            DatasetId = dataset.Id, Period = o.Period, FileName = table.FileName, RowsRead = table.RowsRead,
            CountsStored = baseRows.Count, ImportedAt = DateTime.UtcNow, ImportedBy = actor,
        });
        await db.SaveChangesAsync(ct);
        return new CountImportResult(dataset.Id, table.RowsRead, baseRows.Count, derived.Count);
    }
}
