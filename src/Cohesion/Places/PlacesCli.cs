using System.CommandLine;
using System.Diagnostics;
using Cohesion.Accounts;
using Cohesion.Cli;
using Cohesion.Data;
using Cohesion.Places.Import;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Places;

/// <summary><c>cohesion import …</c>: every import is one transaction and is audited.</summary>
public static class PlacesCli
{
    public static Command ImportCommand()
    {
        var import = new Command("import", "Load areas, boundaries and counts (each import is all-or-nothing)");
        import.Add(Areas());
        import.Add(Boundaries());
        import.Add(Counts());
        import.Add(Census());
        import.Add(Change.Import.ChangeImportCli.Command());
        import.Add(PlaceStandard.Import.PlaceStandardImportCli.Command());
        import.Add(Surveys.Import.SurveyImportCli.Command());
        import.Add(Assets.Csv.AssetCsvCli.ImportCommand());
        import.Add(Assets.OpenReferral.OrukCli.ImportCommand());
        import.Add(Tensions.Reports.ReportCsvCli.ImportCommand());
        return import;
    }

    static Argument<FileInfo> FileArg(string what) => new("file") { Description = what };

    static Command Areas()
    {
        var file = FileArg("CSV with header code,name,level,parent_code[,also_in]");
        var cmd = new Command("areas", "Add or update areas from a CSV file") { file };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)!.FullName;
            var sw = Stopwatch.StartNew();
            var rows = AreaImport.ReadCsv(path);
            var result = await InTransaction(db, async () =>
            {
                var r = await AreaImport.SaveAsync(db, rows, Path.GetFileName(path), overwrite: true, ct);
                db.Record(Audit.CliActor, AuditActions.Import, $"areas from {Path.GetFileName(path)}", $"{r.Added} added, {r.Updated} updated");
                return r;
            }, ct);
            Console.WriteLine($"Imported {rows.Count:N0} areas from {Path.GetFileName(path)}: {result.Added:N0} added, {result.Updated:N0} updated, {result.Groupings:N0} groupings ({sw.Elapsed.TotalSeconds:F1} s).");
            return 0;
        }));
        return cmd;
    }

    static Command Boundaries()
    {
        var file = FileArg("GeoJSON FeatureCollection (WGS84) whose features have the property 'code'");
        var cmd = new Command("boundaries", "Add or replace area boundaries from GeoJSON") { file };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)!.FullName;
            var known = (await db.Areas.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var rows = BoundaryImport.Read(path, known);
            await InTransaction(db, async () =>
            {
                await BoundaryImport.SaveAsync(db, rows, ct);
                db.Record(Audit.CliActor, AuditActions.Import, $"boundaries from {Path.GetFileName(path)}", $"{rows.Count} boundaries");
                return 0;
            }, ct);
            Console.WriteLine($"Imported {rows.Count:N0} boundaries from {Path.GetFileName(path)}.");
            return 0;
        }));
        return cmd;
    }

    static Command Counts()
    {
        var file = FileArg("CSV of counts: wide (area column then one column per category) or long (area_code,category,value)");
        var dataset = new Option<string>("--dataset") { Description = "Dataset name, e.g. census2011-ethnicity", Required = true };
        var period = new Option<string>("--period") { Description = "Period: YYYY, YYYY-MM or YYYY-Qn", Required = true };
        var title = new Option<string?>("--title") { Description = "Dataset title shown on pages" };
        var source = new Option<string?>("--source") { Description = "Where the data comes from" };
        var licence = new Option<string?>("--licence") { Description = "Licence, e.g. Open Government Licence v3.0" };
        var attribution = new Option<string?>("--attribution") { Description = "Attribution statement to show wherever the data is used" };
        var synthetic = new Option<bool>("--synthetic") { Description = "Mark the dataset as synthetic (labelled wherever shown)" };
        var owner = new Option<string?>("--owner") { Description = "Owner organisation name (default: none, a published dataset)" };
        var areaColumn = new Option<string?>("--area-column") { Description = "Wide tables: the area code column (default: the first)" };
        var ignore = new Option<string[]>("--ignore-columns") { Description = "Wide tables: columns that are not counts", AllowMultipleArgumentsPerToken = true };
        var total = new Option<string?>("--total-column") { Description = "The category that is the area total (e.g. Persons)" };
        var replace = new Option<bool>("--replace") { Description = "Replace everything stored for this dataset and period" };
        var cmd = new Command("counts", "Load a table of counts by area and category into a dataset period")
            { file, dataset, period, title, source, licence, attribution, synthetic, owner, areaColumn, ignore, total, replace };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)!.FullName;
            var p = parse.GetValue(period)!;
            var name = parse.GetValue(dataset)!;
            if (CountImport.CheckPeriod(p) is { } pe) throw new CliException(pe);
            if (CountImport.CheckDatasetName(name) is { } ne) throw new CliException(ne);
            int? ownerId = null;
            if (parse.GetValue(owner) is { } on)
                ownerId = (await db.Organisations.SingleOrDefaultAsync(o => o.Name == on, ct))?.Id ?? throw new CliException($"unknown organisation '{on}' (cohesion users organisations to list them)");
            var options = new CountImportOptions
            {
                Dataset = name, Period = p, Title = parse.GetValue(title), Source = parse.GetValue(source), Licence = parse.GetValue(licence),
                Attribution = parse.GetValue(attribution), Synthetic = parse.GetValue(synthetic), OwnerOrganisationId = ownerId,
                AreaColumn = parse.GetValue(areaColumn), IgnoreColumns = (parse.GetValue(ignore) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                TotalColumn = parse.GetValue(total), Replace = parse.GetValue(replace),
            };
            var sw = Stopwatch.StartNew();
            var result = await CohesionCli.ProgressAsync($"Importing {Path.GetFileName(path)}", async progress =>
            {
                progress("reading and checking every row");
                var known = (await db.Areas.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var table = CountImport.ReadCsv(path, options, known);
                progress($"{table.RowsRead:N0} rows valid; writing");
                return await InTransaction(db, async () =>
                {
                    var r = await CountImport.SaveAsync(db, table, options, Audit.CliActor, ct);
                    db.Record(Audit.CliActor, AuditActions.Import, $"counts {name} {p} from {Path.GetFileName(path)}", $"{r.RowsRead} rows, {r.BaseCounts} counts, {r.DerivedCounts} sums");
                    return r;
                }, ct);
            });
            Console.WriteLine($"Imported {result.RowsRead:N0} rows into {name} {p}: {result.BaseCounts:N0} counts and {result.DerivedCounts:N0} sums for larger areas ({sw.Elapsed.TotalSeconds:F1} s).");
            return 0;
        }));
        return cmd;
    }

    static Command Census()
    {
        var file = new Option<FileInfo?>("--file") { Description = $"The census file (default: the shipped {Census2011.FileName})" };
        var district = new Option<string[]>("--district") { Description = "District name(s) to load, e.g. \"Tower Hamlets\"", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "Load every LSOA in England and Wales, with regions and nations" };
        var outputAreas = new Option<bool>("--output-areas") { Description = $"Also load output areas where the shipped {Census2011.OutputAreaFileName} has them (Blackburn with Darwen, Bradford, Leicester, Oldham, Tower Hamlets)" };
        var cmd = new Command("census2011", "Load Census 2011 areas (LSOA → MSOA → district) and usual residents by ethnic group") { file, district, all, outputAreas };
        cmd.SetAction((parse, ct) => CohesionCli.WithDatabaseAsync(parse, async db =>
        {
            var path = parse.GetValue(file)?.FullName ?? Path.Combine(DemoPlace.SeedDir, Census2011.FileName);
            var districts = (parse.GetValue(district) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var everything = parse.GetValue(all);
            var withOutputAreas = parse.GetValue(outputAreas);
            if (everything == districts.Count > 0) throw new CliException("give either --all or one or more --district names");
            bool Included(string d) => everything || districts.Contains(d);
            var sw = Stopwatch.StartNew();
            var (areas, counts) = await CohesionCli.ProgressAsync("Loading Census 2011", async progress =>
            {
                progress("reading the census file");
                var known = await db.Areas.Where(a => a.Level == AreaLevel.LocalAuthority && !a.Code.StartsWith("LAD:")).ToDictionaryAsync(a => a.Name, a => a.Code, ct);
                var data = Census2011.Read(path, Included, withRegions: everything, new Dictionary<string, string>(), known);
                // Output areas hang below the LSOAs just read; read them before writing anything so a bad row changes nothing.
                var oa = withOutputAreas
                    ? Census2011.ReadOutputAreas(Path.Combine(DemoPlace.SeedDir, Census2011.OutputAreaFileName), Included,
                        data.Areas.Where(a => a.Level == AreaLevel.Lsoa).Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase))
                    : null;
                progress($"{data.Counts.RowsRead:N0} rows read, {data.Districts} districts{(oa is null ? "" : $", {oa.Areas.Count:N0} output areas")}; writing areas and counts");
                await InTransaction(db, async () =>
                {
                    await AreaImport.SaveAsync(db, oa is null ? data.Areas : [.. data.Areas, .. oa.Areas], Census2011.FileName, overwrite: false, ct);
                    // Replace only the areas in these files: other districts already loaded keep their counts.
                    var ds = await db.Datasets.SingleOrDefaultAsync(d => d.Name == Census2011.DatasetName, ct);
                    if (ds is not null)
                    {
                        // Codes to ids in memory: 34,753 codes in one IN list is past SQLite's limit on parameters.
                        var idOf = await db.Areas.AsNoTracking().Select(a => new { a.Code, a.Id }).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, ct);
                        var ids = data.Counts.Cells.Concat(oa?.Counts.Cells ?? []).Select(c => c.AreaCode).Distinct(StringComparer.OrdinalIgnoreCase).Select(c => idOf[c]).ToList();
                        foreach (var chunk in ids.Chunk(5000))
                            await db.AreaCounts.Where(c => c.DatasetId == ds.Id && c.Period == Census2011.Period && chunk.Contains(c.AreaId)).ExecuteDeleteAsync(ct);
                    }
                    var table = oa is null ? data.Counts : Merge(data.Counts, oa.Counts);
                    await CountImport.SaveAsync(db, table, Census2011.Options(replace: false), Audit.CliActor, ct);
                    db.Record(Audit.CliActor, AuditActions.Import, $"census2011 {(everything ? "all districts" : string.Join(", ", districts))}{(oa is null ? "" : " with output areas")}",
                        $"{data.Areas.Count + (oa?.Areas.Count ?? 0)} areas, {table.Cells.Count} counts");
                    return 0;
                }, ct);
                return (data.Areas.Count + (oa?.Areas.Count ?? 0), data.Counts.Cells.Count + (oa?.Counts.Cells.Count ?? 0));
            });
            Console.WriteLine($"Loaded {areas:N0} areas and {counts:N0} Census 2011 counts ({sw.Elapsed.TotalSeconds:F1} s). {Census2011.Attribution}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>Two tables of the same dataset as one, categories matched by code.</summary>
    static CountTable Merge(CountTable a, CountTable b)
    {
        var index = a.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
        var cells = a.Cells.Concat(b.Cells.Select(c => c with { Category = index[b.Categories[c.Category]] })).ToList();
        return new CountTable(a.FileName, a.Categories, cells, a.RowsRead + b.RowsRead);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: an exception or a killed process leaves the database as it was.</summary>
    public static async Task<T> InTransaction<T>(CohesionDb db, Func<Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
