using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cohesion.Assets.OpenReferral;

public sealed record HsdsImportOptions(string FileName, string Actor, string Ip = "", int? Maintainer = null, int? OnlyMaintainedBy = null,
    bool DryRun = false, Action<string>? Progress = null);

public sealed record HsdsImportResult(int Services, int Added, int Updated, int Organisations, int Locations, int Taxonomies, int Terms, int DroppedParents)
{
    public string Describe() =>
        $"{Services:N0} services ({Added:N0} added, {Updated:N0} updated), {Organisations:N0} organisations, {Locations:N0} locations, " +
        $"{Taxonomies:N0} new taxonomies, {Terms:N0} new taxonomy terms" + (DroppedParents > 0 ? $"; {DroppedParents:N0} links to parent terms not in the file left out" : "");
}

/// <summary>
/// Reads an HSDS JSON file of services (an array of full services, or a page <c>{"contents": [...]}</c>) into the
/// directory: streamed a service at a time, each checked (<see cref="HsdsRecordReader"/>), written in batches by
/// <see cref="HsdsBulkWriter"/> inside one transaction. Any problem anywhere and nothing is kept: the errors list the
/// JSON path, the value and what it should be. New ids are added, ids the directory has are updated (version bumped,
/// a revision recorded). Locations with coordinates are placed in the LSOA that contains them.
/// </summary>
public static class HsdsImport
{
    public const int MaxServices = 200_000, Batch = 1_000;

    public static async Task<HsdsImportResult> RunAsync(CohesionDb db, AreaShapes shapes, Stream input, HsdsImportOptions o, CancellationToken ct)
    {
        var known = await HsdsLookups.LoadAsync(db, shapes, ct);
        // Milliseconds, as last_modified is written, so an export of what was imported reads back the same.
        var now = DateTime.UnixEpoch.AddMilliseconds(Math.Floor((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds));
        var state = new HsdsReadState(known, o.Maintainer, o.OnlyMaintainedBy, now);
        var errors = new ImportErrors(o.FileName);
        await using var tx = o.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
        await using var sql = tx is null ? null : BulkSql.For(db.Database.GetDbConnection(), tx.GetDbTransaction());
        var writer = sql is null ? null : new HsdsBulkWriter(db, sql, known, $"HSDS file {o.FileName}", o.Actor, now);
        var batch = new List<ImportedService>(Batch);
        int services = 0, added = 0, updated = 0, organisations = 0, locations = 0, taxonomies = 0, terms = 0;
        await foreach (var (h, path) in ServicesAsync(input, errors, ct))
        {
            if (services + errors.Count >= MaxServices)
            {
                errors.Add(null, path, null, $"a file may hold at most {MaxServices:N0} services: split it");
                break;
            }
            var r = h is null ? Missing(errors, path) : HsdsRecordReader.Read(h, path, state, errors);
            // After the first problem nothing more is written (it would be rolled back), but every record is still checked.
            if (r is null || errors.Count > 0) { batch.Clear(); continue; }
            services++;
            if (r.Exists) updated++; else added++;
            if (r.NewOrUpdatedOrganisation is not null) organisations++;
            locations += r.Locations.Count;
            taxonomies += r.NewTaxonomies.Count;
            terms += r.NewTerms.Count;
            batch.Add(r);
            if (batch.Count == Batch && writer is not null)
            {
                await writer.WriteAsync(batch, ct);
                batch.Clear();
                o.Progress?.Invoke($"written {services:N0} services");
            }
        }
        if (services == 0 && errors.Count == 0) errors.Add(null, "$", null, "the file holds no services: it should be a JSON array of HSDS services, or an object with a \"contents\" array");
        errors.ThrowIfAny();
        var result = new HsdsImportResult(services, added, updated, organisations, locations, taxonomies, terms, state.DroppedParents);
        if (writer is null || tx is null) return result;
        if (batch.Count > 0) await writer.WriteAsync(batch, ct);
        o.Progress?.Invoke("committing");
        db.Record(o.Actor, AuditActions.AssetImport, $"HSDS services from {o.FileName}", result.Describe(), o.Ip);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await RefreshStatisticsAsync(db, o.Progress, ct);
        return result;
    }

    // The tables the API reads after an import (as_revisions is left to autovacuum: nothing pages through it).
    const string Analyse = "VACUUM (ANALYZE) as_services, as_organisations, as_locations, as_accessibility, as_service_locations, as_schedules, " +
        "as_languages, as_cost_options, as_contacts, as_phones, as_service_areas, as_service_terms, as_taxonomies, as_taxonomy_terms";

    /// <summary>
    /// PostgreSQL plans from statistics, and a bulk COPY leaves none until autovacuum's next round (a minute or more):
    /// in that window it took 50,000 freshly imported services for a dozen, counted them through the heap and sorted
    /// them for every /openreferral/services page (150–250 ms a page instead of 10). VACUUM (ANALYZE) gives the planner
    /// the numbers and marks the pages all-visible (unless an older snapshot is still open in the database), so counting and paging read the (publication, id, kind) index
    /// alone from the first request. It runs after the commit because VACUUM cannot run in a transaction; SQLite's
    /// planner picks the covering index without statistics, so it needs nothing.
    /// </summary>
    static async Task RefreshStatisticsAsync(CohesionDb db, Action<string>? progress, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var took = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync(Analyse, ct);
        progress?.Invoke($"planner statistics updated (VACUUM ANALYZE) in {took.Elapsed.TotalSeconds:F1} s");
    }

    static ImportedService? Missing(ImportErrors errors, string path)
    {
        errors.Add(null, path, "null", "each item must be an HSDS service object");
        return null;
    }

    /// <summary>The services of the file with the JSON path of each; a file that is not JSON ends the list with one error saying where.</summary>
    static async IAsyncEnumerable<(HsdsService? Service, string Path)> ServicesAsync(Stream input, ImportErrors errors, [EnumeratorCancellation] CancellationToken ct)
    {
        var first = FirstByte(input);
        if (first == '{')
        {
            HsdsServicePage? page = null;
            try { page = await JsonSerializer.DeserializeAsync<HsdsServicePage>(input, HsdsJson.Options, ct); }
            catch (JsonException e) { NotJson(errors, e); }
            foreach (var (s, i) in (page?.Contents ?? []).Select((s, i) => (s, i))) yield return (s, $"$.contents[{i}]");
            yield break;
        }
        if (first != '[')
        {
            errors.Add(null, "$", null, "the file must be JSON: an array of HSDS services, or an object with a \"contents\" array");
            yield break;
        }
        await using var items = JsonSerializer.DeserializeAsyncEnumerable<HsdsService>(input, HsdsJson.Options, ct).GetAsyncEnumerator(ct);
        for (var i = 0; ; i++)
        {
            bool more;
            try { more = await items.MoveNextAsync(); }
            catch (JsonException e) { NotJson(errors, e); yield break; }
            if (!more) yield break;
            yield return (items.Current, $"$[{i}]");
        }
    }

    static void NotJson(ImportErrors errors, JsonException e) =>
        errors.Add(e.LineNumber + 1, e.Path ?? "$", null, $"not readable as HSDS JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})");

    /// <summary>The first character that is not white space or a byte-order mark; the stream is put back at its start.</summary>
    static int FirstByte(Stream input)
    {
        var start = input.Position;
        int b;
        do b = input.ReadByte(); while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        input.Position = start;
        return b;
    }

    sealed class HsdsServicePage
    {
        public List<HsdsService?>? Contents { get; set; }
    }
}
