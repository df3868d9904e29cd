using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Reports;

/// <summary>
/// Reports from a partner's CSV file (format in docs/tensions.md, example in docs/examples/tension-reports.csv): every
/// row is checked before anything is written, then all are written in one transaction, so a bad file or a killed import
/// leaves nothing. A row whose client_id the organisation already has updates that report instead of adding another.
/// </summary>
public static class ReportCsv
{
    public static readonly string[] Columns =
        ["client_id", "occurred_at", "area", "type", "strands", "factors", "source", "description", "people_affected", "exact_location", "latitude", "longitude"];

    public const int MaxRows = 50_000;

    public sealed record Result(int Added, int Updated, int Unchanged, bool DryRun)
    {
        public string Message(string file) => DryRun
            ? $"{file} is valid: importing it would add {ImportCounts.Count(Added, "report", "reports")} and update {Updated:N0} ({Unchanged:N0} unchanged). Nothing was changed."
            : $"Imported {file}: {ImportCounts.Count(Added, "report", "reports")} added, {Updated:N0} updated, {Unchanged:N0} unchanged.";
    }

    /// <summary>Reads and checks every row; the rows, or an <see cref="ImportFailedException"/> listing the problems (file, line, column, value).</summary>
    public static List<(long Line, ReportInput Input)> Read(string path, PlaceDirectory places, Strands enabled, DateTime now)
    {
        using var csv = StrictCsv.Open(path, TensionLimits.DescriptionLength + 16);
        csv.RequireHeader(Columns);
        var errors = new ImportErrors(csv.FileName);
        var rows = new List<(long, ReportInput)>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Line;
            if (rows.Count >= MaxRows) throw ImportFailedException.One(csv.FileName, line, null, null, $"a file may hold at most {MaxRows:N0} reports: split it");
            var f = csv.Record;
            if (f.Length != Columns.Length) { errors.Add(line, null, null, $"the line has {f.Length} fields; the header has {Columns.Length}"); continue; }
            var before = errors.Count;
            var check = new ReportCheck(places, enabled, now, (column, value, message) => errors.Add(line, column, value, message));
            string Col(string name) => f[Array.IndexOf(Columns, name)];
            static string[] List(string cell) => cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var clientId = check.ClientId(Col("client_id"), "client_id", required: true);
            var occurred = check.OccurredIso(Col("occurred_at"), "occurred_at");
            var area = check.Area(Col("area"), "area");
            var type = check.Type(Col("type"), "type");
            var strands = check.Strands(List(Col("strands")), "strands");
            var factors = check.Factors(List(Col("factors")), "factors");
            var source = check.Source(Col("source"), "source");
            var description = check.Description(Col("description"), "description");
            var people = check.People(Col("people_affected"), "people_affected");
            var location = check.Location(Col("exact_location"), "exact_location");
            var (lat, lon) = check.Coordinates(Col("latitude"), Col("longitude"), "latitude", "longitude");
            if (clientId is not null && !seen.TryAdd(clientId, line)) errors.Add(line, "client_id", clientId, $"the file already has this client_id on line {seen[clientId]}");
            if (errors.Count > before || clientId is null || occurred is null || area is null || type is null || source is null || description is null) continue;
            rows.Add((line, new ReportInput(clientId, occurred.Value, area.Id, location, lat, lon, type.Value, strands, factors, source.Value, description, people, [], null)));
        }
        errors.ThrowIfAny();
        if (rows.Count == 0) throw ImportFailedException.One(csv.FileName, null, null, null, "the file has a header but no reports");
        return rows;
    }

    /// <summary>Writes the checked rows for the organisation in one transaction (rolled back for a dry run).</summary>
    public static async Task<Result> SaveAsync(CohesionDb db, int organisationId, IReadOnlyList<(long Line, ReportInput Input)> rows, string fileName, string actor, string ip,
        int? userId, bool dryRun, Action<string>? progress, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var existing = new Dictionary<string, TensionReport>(StringComparer.Ordinal);
        // In chunks: EF sends a list as one parameter each, and SQLite allows some 32,000 in a statement.
        foreach (var chunk in rows.Select(r => r.Input.ClientId!).Chunk(1000))
            foreach (var r in await db.TensionReports.Include(x => x.Links).Where(x => x.OwnerOrganisationId == organisationId && chunk.Contains(x.ClientId!)).ToListAsync(ct))
                existing[r.ClientId!] = r;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        progress?.Invoke($"writing {rows.Count:N0} reports");
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (_, input) in rows)
        {
            ct.ThrowIfCancellationRequested();
            if (existing.TryGetValue(input.ClientId!, out var r))
            {
                // A file has no links or reporter columns: those made on the form stay as they are.
                if (ReportWriter.Update(db, r, input with { Links = [.. r.Links.Select(l => l.LinkedReportId)] }, null, touchReporter: false, now)) updated++;
                else unchanged++;
            }
            else
            {
                ReportWriter.Create(db, input, organisationId, ReportChannel.CsvImport, ReportTriage.Accepted, userId, now);
                added++;
            }
        }
        db.Record(actor, AuditActions.TensionReportImport, fileName, $"{added} added, {updated} updated, {unchanged} unchanged{(dryRun ? " (dry run, rolled back)" : "")}", ip);
        await db.SaveChangesAsync(ct);
        if (dryRun) await tx.RollbackAsync(ct);
        else await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Result(added, updated, unchanged, dryRun);
    }

    /// <summary>What each column holds, for the upload page and the docs.</summary>
    public static readonly (string Column, string Holds)[] Help =
    [
        ("client_id", "Your own id for the report (up to 100 characters, no spaces), unique in your organisation. Importing a row with an id you sent before updates that report."),
        ("occurred_at", "When it happened, ISO 8601: 2026-03-27T18:30:00Z (UTC), with an offset (+01:00), or without one for UK local time. Not in the future."),
        ("area", "The code of the district, a ward or a small area (LSOA), for example E05000719."),
        ("type", "hate-incident, hate-crime, community-dispute, protest-or-gathering, online-incitement, media-item, rumour, criminal-damage, anti-social-behaviour or other."),
        ("strands", "Motivation strands separated by ; — disability; race-or-ethnicity; religion-or-belief; sexual-orientation; transgender-identity; and any enabled locally. May be empty."),
        ("factors", "Tension factors separated by ; — language; lack-of-trust; media-coverage; cultural-differences; competition-for-services; housing; crime; international-events. May be empty."),
        ("source", "partner (the default when empty) or media-monitoring."),
        ("description", "What happened, up to 4,000 characters. Only your organisation reads it."),
        ("people_affected", "A whole number, or empty."),
        ("exact_location", "The place in words, up to 300 characters, or empty. Only your organisation sees it."),
        ("latitude", "WGS84 decimal degrees, or empty; give both or neither."),
        ("longitude", "WGS84 decimal degrees, or empty."),
    ];
}
