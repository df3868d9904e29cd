using System.Diagnostics;
using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Analytics.Change;
using Cohesion.Change.Extract;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Change.Import;

public enum ChangeSource { Gp, School }

public sealed record ChangeImportOptions(
    string Path, ChangeSource Source, string Dataset, string Owner, PeriodKind Kind, DateOnly From, DateOnly To, DateOnly ExtractDate,
    DisclosurePolicy Policy, Sensitivity Sensitivity, string Agreement, string? Title, bool Synthetic, bool SkipBadRows, int Threads, string Actor);

public sealed record ChangeImportResult(int DatasetId, long RowsRead, long RowsAccepted, long RowsRejected, IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyList<RowError> Rejects, long FiguresStored, int Periods, TimeSpan ReadTime, TimeSpan Elapsed);

/// <summary>
/// <c>cohesion import registrations</c>: streams a record-level extract, validates every row, and stores only
/// the aggregates, per small area and per district, with what everyone outside the owner may see beside each
/// exact value, and the import's provenance. One transaction: a bad file, a failure or a kill changes nothing.
/// </summary>
public static class ChangeImport
{
    static readonly AreaLevel[] SmallLevels = [AreaLevel.Lsoa, AreaLevel.DataZone, AreaLevel.OutputArea];

    public static async Task<ChangeImportResult> RunAsync(CohesionDb db, ChangeImportOptions o, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var name = System.IO.Path.GetFileName(o.Path);
        if (!File.Exists(o.Path)) throw ImportFailedException.One(name, null, null, null, $"file not found: {o.Path}");
        var owner = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Name.ToLower() == o.Owner.ToLower(), ct);
        if (owner is null)
        {
            var known = await db.Organisations.AsNoTracking().OrderBy(x => x.Name).Select(x => x.Name).Take(20).ToListAsync(ct);
            throw new Cli.CliException($"--owner: no organisation is called '{o.Owner}'. Known: {(known.Count == 0 ? "none (add one with 'cohesion users add-organisation')" : string.Join(", ", known))}");
        }
        var kind = o.Source == ChangeSource.Gp ? DatasetKind.GpRegistrations : DatasetKind.SchoolCensus;
        var existing = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == o.Dataset, ct);
        if (existing is not null && (existing.Kind != kind || existing.OwnerOrganisationId != owner.Id))
            throw new Cli.CliException($"--dataset: '{o.Dataset}' already exists as a {existing.Kind} dataset of another owner or kind; choose another name");

        // The small areas the database knows, each with its district: disclosure control works district by
        // district, so a district's figures are the published margins of its small areas' tables.
        var rows = await db.QueryAsync("SELECT id, code, level, parent_id FROM areas",
            r => (Id: r.GetInt32(0), Code: r.GetString(1), Level: Enum.Parse<AreaLevel>(r.GetString(2)), Parent: r.IsDBNull(3) ? (int?)null : r.GetInt32(3)), ct);
        var byId = rows.ToDictionary(r => r.Id);
        var smalls = rows.Where(r => SmallLevels.Contains(r.Level)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        if (smalls.Count == 0) throw new Cli.CliException("the database has no small areas (LSOAs or data zones): load areas first");
        var index = new AreaIndex(smalls.Select(s => s.Code));
        var areaIds = smalls.Select(s => s.Id).ToArray();
        var districtOf = smalls.Select(s => DistrictOf(s.Parent, byId)).ToArray();

        ExtractScanResult scan;
        IEnumerable<(string Period, IEnumerable<MeasureTables> Measures)> periods;
        Func<int, bool> hasArea;
        Func<RejectReason, string> message, column;
        if (o.Source == ChangeSource.School)
        {
            var school = SchoolScanner.Scan(o.Path, index, new SchoolScanOptions(o.Kind, o.From, o.To, o.ExtractDate, o.SkipBadRows, Threads: o.Threads), ct);
            (scan, hasArea, message, column) = (school, school.Counts.HasArea, SchoolFormat.Message, SchoolFormat.Column);
            periods = ChangeTables.School(school.Counts, school.Ethnic.Codes, school.Language.Codes);
        }
        else
        {
            var gp = GpScanner.Scan(o.Path, index, new ScanOptions(o.Kind, o.From, o.To, o.ExtractDate, o.SkipBadRows, Threads: o.Threads), ct);
            (scan, hasArea, message, column) = (gp, gp.Counts.HasArea, GpFormat.Message, GpFormat.Column);
            periods = ChangeTables.Gp(gp.Counts, gp.Ethnic.Codes, gp.Language.Codes);
        }
        var readTime = sw.Elapsed;
        if (!o.SkipBadRows && scan.RejectedTotal > 0)
        {
            var errors = scan.Errors.Select(e => new ImportError(name, e.LineNumber, column(e.Reason) is { Length: > 0 } c ? c : null,
                e.Value.Length > 0 ? e.Value : null, message(e.Reason) + (e.DuplicateOfLine is { } d ? $" (line {d})" : ""))).ToList();
            throw new ImportFailedException(errors, (int)Math.Min(int.MaxValue, scan.RejectedTotal));
        }
        var rejected = scan.Rejected.OrderByDescending(r => r.Value).ToDictionary(r => message(r.Key), r => r.Value);

        // Rows of each district's tables: the present areas in code order.
        var groups = Enumerable.Range(0, smalls.Count).Where(hasArea).GroupBy(a => districtOf[a]).Select(g => (District: g.Key, Rows: g.ToArray())).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dataset = await UpsertDatasetAsync(db, existing, kind, owner.Id, o, ct);
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var periodCount = 0;
        long stored = 0;
        foreach (var (period, measures) in periods)
        {
            periodCount++;
            var list = measures.ToList();
            if (slots.Count == 0) await AddCategoriesAsync(db, dataset.Id, list, slots, ct);
            stored += await FigureWriter.WriteAsync(db, dataset.Id, Figures(period, list, groups, areaIds, slots, o.Policy), ct);
        }
        var detail = string.Join("\n", rejected.Select(r => $"{r.Key}: {r.Value.ToString(CultureInfo.InvariantCulture)}"));
        db.DatasetImports.Add(new DatasetImport
        {
            DatasetId = dataset.Id, Period = $"{Periods.Label(o.Kind, Periods.Key(o.Kind, o.From))}/{Periods.Label(o.Kind, Periods.Key(o.Kind, o.To))}",
            FileName = name, RowsRead = scan.RowsRead, CountsStored = stored, ImportedAt = DateTime.UtcNow, ImportedBy = o.Actor,
            ExtractDate = o.ExtractDate, RowsRejected = scan.RejectedTotal, RejectedByReason = detail.Length > 4000 ? detail[..4000] : detail,
        });
        db.Record(o.Actor, AuditActions.Import, $"registrations {o.Dataset} from {name}",
            $"{o.Source} extract of {o.ExtractDate:yyyy-MM-dd}; {scan.RowsRead} rows read, {scan.RejectedTotal} rejected; {stored} figures over {periodCount} periods; owner {owner.Name}; policy {PolicyText.Code(o.Policy)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ChangeImportResult(dataset.Id, scan.RowsRead, scan.RowsAccepted, scan.RejectedTotal, rejected, scan.Errors, stored, periodCount, readTime, sw.Elapsed);
    }

    static int DistrictOf(int? parent, Dictionary<int, (int Id, string Code, AreaLevel Level, int? Parent)> byId)
    {
        for (var p = parent; p is { } id && byId.TryGetValue(id, out var a); p = a.Parent)
            if (a.Level == AreaLevel.LocalAuthority) return a.Id;
        return -1;
    }

    static async Task<Dataset> UpsertDatasetAsync(CohesionDb db, Dataset? existing, DatasetKind kind, int ownerId, ChangeImportOptions o, CancellationToken ct)
    {
        Dataset ds;
        if (existing is not null)
        {
            // A new extract holds the whole history again, so it replaces the dataset's figures.
            await db.ChangeFigures.Where(f => f.DatasetId == existing.Id).ExecuteDeleteAsync(ct);
            await db.DatasetCategories.Where(c => c.DatasetId == existing.Id).ExecuteDeleteAsync(ct);
            ds = await db.Datasets.FirstAsync(d => d.Id == existing.Id, ct);
        }
        else
        {
            ds = new Dataset { Name = o.Dataset, Title = "", CreatedAt = DateTime.UtcNow, CreatedBy = o.Actor };
            db.Datasets.Add(ds);
        }
        var what = kind == DatasetKind.GpRegistrations ? "GP registrations" : "School census";
        ds.Title = o.Title ?? $"{what}{(o.Synthetic ? " (synthetic)" : "")}";
        ds.Kind = kind;
        ds.OwnerOrganisationId = ownerId;
        ds.IsSynthetic = o.Synthetic;
        ds.Sensitivity = o.Sensitivity;
        ds.SharingAgreement = o.Agreement;
        ds.Licence = o.Agreement;
        ds.DisclosurePolicy = PolicyText.Code(o.Policy);
        ds.PeriodKind = o.Kind.ToString().ToLowerInvariant();
        ds.Source = $"{what} extract of {o.ExtractDate:d MMMM yyyy}" + (o.Synthetic ? ": synthetic data made by 'cohesion generate', describing no real person" : "");
        ds.Attribution = o.Synthetic ? "Synthetic data" : "";
        await db.SaveChangesAsync(ct);
        return ds;
    }

    static async Task AddCategoriesAsync(CohesionDb db, int datasetId, IReadOnlyList<MeasureTables> first, Dictionary<string, int> slots, CancellationToken ct)
    {
        var codes = new List<string> { "all" };
        foreach (var t in first[0].Tables) codes.AddRange(t.Codes);
        var cats = codes.Select((c, i) => new DatasetCategory { DatasetId = datasetId, Code = c, Label = CodeLabels.Category(c), SortOrder = i, IsTotal = c == "all" }).ToList();
        db.DatasetCategories.AddRange(cats);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < codes.Count; i++) slots[codes[i]] = i;
    }

    /// <summary>
    /// One period's rows: each area's and each district's measures × categories, exact and as the policy
    /// publishes them, in key order (area id) so the b-tree is appended to.
    /// </summary>
    static IEnumerable<FigureRow> Figures(string period, IReadOnlyList<MeasureTables> measures, List<(int District, int[] Rows)> groups, int[] areaIds,
        Dictionary<string, int> slots, DisclosurePolicy policy)
    {
        var width = slots.Count;
        var size = measures.Count * width;
        var exact = new SortedDictionary<int, (int[] Exact, int[] Published)>();
        (int[] Exact, int[] Published) Of(int areaId)
        {
            if (!exact.TryGetValue(areaId, out var v)) exact[areaId] = v = (new int[size], new int[size]);
            return v;
        }
        static int Pub(long? p) => p is { } v ? PackedFigures.Narrow(v) : PackedFigures.Withheld;
        // Disclosure control is the costly part: every (measure, district) table set is independent, so all cores work on it.
        var jobs = Enumerable.Range(0, measures.Count).Where(m => measures[m].Available).SelectMany(m => Enumerable.Range(0, groups.Count).Select(g => (m, g))).ToArray();
        var done = new PublishedTables[measures.Count, groups.Count];
        Parallel.For(0, jobs.Length, j =>
        {
            var (m, g) = jobs[j];
            var mt = measures[m];
            var rows = groups[g].Rows;
            var p = Publication.Apply(mt.Tables.Select(t => Slice(t.Values, t.Codes.Length, rows)).ToList(), mt.Tables.Select(t => t.Codes.Length).ToArray(),
                rows.Select(r => mt.All[r]).ToArray(), policy);
            done[m, g] = policy is DisclosurePolicy.Suppress && Publication.IsHeadcount(mt.Measure) ? p.RoundPublished(Publication.HeadcountBase) : p;
        });
        for (var m = 0; m < measures.Count; m++)
        {
            var mt = measures[m];
            if (!mt.Available)
            {
                // Not defined for this period (new to the area at the file's first census): withheld for everyone.
                foreach (var (district, rows) in groups)
                    foreach (var id in rows.Select(r => areaIds[r]).Append(district).Where(id => id >= 0))
                    {
                        var (e, u) = Of(id);
                        Array.Fill(e, PackedFigures.Withheld, m * width, width);
                        Array.Fill(u, PackedFigures.Withheld, m * width, width);
                    }
                continue;
            }
            var tableSlots = mt.Tables.Select(t => t.Codes.Select(c => slots[c]).ToArray()).ToArray();
            var cols = mt.Tables.Select(t => t.Codes.Length).ToArray();
            for (var g = 0; g < groups.Count; g++)
            {
                var (district, rows) = groups[g];
                var p = done[m, g];
                var inner = p.Inner;
                for (var i = 0; i < rows.Length; i++)
                {
                    var (e, u) = Of(areaIds[rows[i]]);
                    e[m * width] = PackedFigures.Narrow(mt.All[rows[i]]);
                    u[m * width] = Pub(p.RowTotals[i]);
                    for (var t = 0; t < inner.Length; t++)
                        for (var c = 0; c < cols[t]; c++)
                        {
                            e[m * width + tableSlots[t][c]] = PackedFigures.Narrow(inner[t][i * cols[t] + c]);
                            u[m * width + tableSlots[t][c]] = Pub(p.Published[t][i * cols[t] + c]);
                        }
                }
                if (district < 0) continue;
                var (de, du) = Of(district);
                de[m * width] = PackedFigures.Narrow(p.GrandExact);
                du[m * width] = Pub(p.GrandTotal);
                for (var t = 0; t < inner.Length; t++)
                    for (var c = 0; c < cols[t]; c++)
                    {
                        de[m * width + tableSlots[t][c]] = PackedFigures.Narrow(p.ExactColumnTotals[t][c]);
                        du[m * width + tableSlots[t][c]] = Pub(p.ColumnTotals[t][c]);
                    }
            }
        }
        foreach (var (areaId, (e, u)) in exact) yield return new FigureRow(period, areaId, PackedFigures.Pack(e), PackedFigures.Pack(u));
    }

    static long[] Slice(long[] values, int cols, int[] rows)
    {
        var s = new long[rows.Length * cols];
        for (var i = 0; i < rows.Length; i++) Array.Copy(values, rows[i] * cols, s, i * cols, cols);
        return s;
    }
}
