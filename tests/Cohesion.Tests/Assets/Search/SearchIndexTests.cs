using Cohesion.Assets.Csv;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Model;
using Cohesion.Assets.Search;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.Search;

/// <summary>
/// The index is kept by triggers (migration 0007), so it stays right whoever writes: EF as the forms do, and plain SQL
/// as bulk imports do.
/// </summary>
public class SearchIndexTests
{
    [Theory]
    [BothProviders]
    public async Task TheIndexFollowsEditsMadeThroughEf(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var id = await w.AddAsync("Harmonica club", "Blues on Tuesdays.", terms: ["arts-culture"]);
        Assert.Equal(["Harmonica club"], await w.NamesAsync("q=harmonica"));
        Assert.Equal(["Harmonica club"], await w.NamesAsync("q=arts+culture"));

        await using (var db = w.Database.Context())
        {
            var s = await db.AssetServices.Include(x => x.Terms).Include(x => x.Locations).ThenInclude(l => l.Location).SingleAsync(x => x.Id == id);
            s.Name = "Ukulele club";
            s.Description = "Strumming on Wednesdays.";
            s.Terms.Clear();
            s.Terms.Add(new ServiceTerm { ServiceId = id, TermId = SearchWorld.Term("older-people") });
            s.Locations[0].Location!.Name = "Quayside Mill";
            await db.SaveChangesAsync();
        }
        Assert.Empty(await w.NamesAsync("q=harmonica&exact=1"));
        Assert.Empty(await w.NamesAsync("q=blues&exact=1"));
        Assert.Empty(await w.NamesAsync("q=culture&exact=1"));
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=ukulele+strumming"));
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=older+people"));
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=quayside"));

        await using (var db = w.Database.Context())
        {
            var org = await db.AssetOrganisations.SingleAsync();
            org.Name = "Riverside Music Collective";
            await db.SaveChangesAsync();
            var term = await db.AssetTaxonomyTerms.SingleAsync(t => t.Id == SearchWorld.Term("older-people"));
            term.Name = "Later life";
            await db.SaveChangesAsync();
        }
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=riverside+collective"));
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=later+life"));
        Assert.Empty(await w.NamesAsync("q=testdale+trust&exact=1"));

        await using (var db = w.Database.Context())
        {
            var s = await db.AssetServices.SingleAsync(x => x.Id == id);
            s.Publication = Publication.Draft;
            await db.SaveChangesAsync();
        }
        Assert.Empty(await w.NamesAsync("q=ukulele"));
        await using (var db = w.Database.Context())
        {
            var s = await db.AssetServices.SingleAsync(x => x.Id == id);
            s.Publication = Publication.Published;
            await db.SaveChangesAsync();
        }
        Assert.Equal(["Ukulele club"], await w.NamesAsync("q=ukulele+riverside"));

        await using (var db = w.Database.Context())
        {
            db.AssetServices.Remove(await db.AssetServices.SingleAsync(x => x.Id == id));
            await db.SaveChangesAsync();
        }
        Assert.Empty(await w.NamesAsync("q=ukulele"));
        Assert.Equal(0, await DocumentsAsync(w));
    }

    [Theory]
    [BothProviders]
    public async Task TheIndexFollowsChangesMadeInPlainSql(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var pg = provider == DatabaseProvider.Postgres;
        var id = Guid.NewGuid();
        var idText = pg ? id.ToString() : id.ToString().ToUpperInvariant();
        var org = pg ? w.OrganisationId.ToString() : w.OrganisationId.ToString().ToUpperInvariant();
        var term = pg ? SearchWorld.Term("food").ToString() : SearchWorld.Term("food").ToString().ToUpperInvariant();
        var (t, f) = pg ? ("true", "false") : ("1", "0");
        await using (var db = w.Database.Context())
        {
            // As a bulk import writes: a multi-row statement, no EF.
            await ExecAsync(db, $"""
                INSERT INTO as_services (id, organisation_id, kind, name, description, status, publication, is_free, contact_consent, review, version, is_synthetic, created_at, updated_at)
                VALUES ('{idText}', '{org}', 'Service', 'Pantry pop-up', 'Low-cost groceries.', 'Active', 'Published', {t}, {f}, 'Unchecked', 1, {f}, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                       ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{org}', 'Service', 'Draft pantry', 'Not yet.', 'Active', 'Draft', {t}, {f}, 'Unchecked', 1, {f}, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
                """);
            await ExecAsync(db, $"INSERT INTO as_service_terms (service_id, term_id) VALUES ('{idText}', '{term}')");
        }
        // Statements in autocommit, no refresh called: PostgreSQL refreshed as each committed; on SQLite the notes wait
        // for the next search, which refreshes first.
        Assert.Equal(pg ? 0 : 2, await DirtyAsync(w));
        Assert.Equal(["Pantry pop-up"], await w.NamesAsync("q=pantry"));
        Assert.Equal(0, await DirtyAsync(w));
        Assert.Equal(["Pantry pop-up"], await w.NamesAsync("q=food"));
        Assert.Equal(1, await DocumentsAsync(w));

        await using (var db = w.Database.Context())
        {
            await ExecAsync(db, $"UPDATE as_services SET name = 'Community grocer' WHERE id = '{idText}'");
            await ExecAsync(db, $"DELETE FROM as_service_terms WHERE service_id = '{idText}'");
        }
        Assert.Empty(await w.NamesAsync("q=pantry&exact=1"));
        Assert.Empty(await w.NamesAsync("q=food&exact=1"));
        Assert.Equal(["Community grocer"], await w.NamesAsync("q=grocer"));

        await using (var db = w.Database.Context())
            await ExecAsync(db, $"DELETE FROM as_services WHERE id = '{idText}'");
        Assert.Empty(await w.NamesAsync("q=grocer"));
        Assert.Equal(0, await DocumentsAsync(w));
        if (!pg) await AssertFts5IntegrityAsync(w);
    }

    [Theory]
    [BothProviders]
    public async Task AnOfferLosingConsentLeavesTheIndexAndComesBackWithIt(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var id = await w.AddAsync("Spare bicycle repairs", "Fixing punctures.", change: s =>
        {
            s.Kind = AssetKind.Offer;
            s.ConsentRecordedOn = new DateOnly(2026, 1, 5);
        });
        Assert.Equal(["Spare bicycle repairs"], await w.NamesAsync("q=bicycle&near=E01999991&within=1"));
        await SetConsentAsync(w, id, null);
        Assert.Empty(await w.NamesAsync("q=bicycle"));
        Assert.Empty(await w.NamesAsync("q=bicycle&near=E01999991&within=1"));
        await SetConsentAsync(w, id, new DateOnly(2026, 2, 1));
        Assert.Equal(["Spare bicycle repairs"], await w.NamesAsync("q=bicycle&near=E01999991&within=1"));
        Assert.Equal(0, await DirtyAsync(w));
    }

    [Theory]
    [BothProviders]
    public async Task ACsvImportIsFoundByWordsTermAndDistanceAsSoonAsItCommits(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        using var files = new Files();
        var (lat, lon) = SearchWorld.Centre(3);
        var row = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            ",service,Tandem cycling club,Testdale Community Trust,Rides for everyone.,,,,active,1 Mill Lane,Testdale,OL1,{0},{1},sport,everyone,en,,,yes,,Mon 10:00-12:00,,,2026-01-01,", lat, lon);
        var path = files.Write("assets.csv", string.Join(",", AssetCsv.Columns) + "\n" + row + "\n");
        await using (var db = w.Database.Context())
        {
            var rows = AssetCsvReader.Read(path, await AssetCsvTarget.LoadAsync(db, CancellationToken.None));
            await AssetCsvImport.SaveAsync(db, new AreaShapes(), rows, "assets.csv", "test", "127.0.0.1", dryRun: false, progress: null, CancellationToken.None);
        }
        // Committed through EF: refreshed as it committed, before any search could look.
        Assert.Equal(0, await DirtyAsync(w));
        Assert.Equal(1, await PointsAsync(w));
        var r = await w.RunAsync($"q=tandem&term={SearchWorld.Term("sport")}&near=E01999993&within=0.5");
        Assert.Equal(["Tandem cycling club"], r.Hits.Items.Select(h => h.Name));
        Assert.Equal(0, r.Hits.Items[0].DistanceKm!.Value, 6);
        Assert.Empty(await w.NamesAsync($"q=tandem&term={SearchWorld.Term("food")}&near=E01999993&within=0.5"));
    }

    [Theory]
    [BothProviders]
    public async Task ARawWriterThatRefreshesBeforeItCommitsLeavesNothingForSearchesToDo(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var id = await w.AddAsync("Walking football", "Slow and steady.", terms: ["sport"]);
        var pg = provider == DatabaseProvider.Postgres;
        var idText = pg ? id.ToString() : id.ToString().ToUpperInvariant();
        await using (var db = w.Database.Context())
        {
            await db.Database.OpenConnectionAsync();
            var conn = db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"UPDATE as_services SET name = 'Walking netball', description = 'Quick and nimble.' WHERE id = '{idText}'";
                await cmd.ExecuteNonQueryAsync();
            }
            Assert.Equal(1, await ScalarAsync(conn, tx, "SELECT COUNT(*) FROM as_search_dirty"));
            await SearchIndex.RefreshAsync(conn, tx, CancellationToken.None);
            Assert.Equal(0, await ScalarAsync(conn, tx, "SELECT COUNT(*) FROM as_search_dirty"));
            await tx.CommitAsync();
        }
        Assert.Equal(0, await DirtyAsync(w));
        Assert.Equal(["Walking netball"], await w.NamesAsync("q=netball"));
        Assert.Empty(await w.NamesAsync("q=steady&exact=1"));
    }

    [Theory]
    [BothProviders]
    public async Task ARolledBackTransactionLeavesTheIndexAndItsNotesAsTheyWere(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var id = await w.AddAsync("Chess club", "Openings and endgames.", terms: ["youth"]);
        var before = await SnapshotAsync(w);
        await using (var db = w.Database.Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var s = await db.AssetServices.Include(x => x.Terms).SingleAsync(x => x.Id == id);
            s.Name = "Draughts club";
            s.Terms.Clear();
            await db.SaveChangesAsync();
            db.AssetServices.Add(new Service { Id = Guid.NewGuid(), OrganisationId = w.OrganisationId, Name = "Go club", Description = "", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(before, await SnapshotAsync(w));
        Assert.Equal(0, await DirtyAsync(w));
        Assert.Equal(["Chess club"], await w.NamesAsync("q=chess&near=E01999991&within=1"));
        Assert.Empty(await w.NamesAsync("q=draughts&exact=1"));
    }

    [Theory]
    [BothProviders]
    public async Task DistancesWorkedOutInSqlAreTheHaversineDistancesAndPagingPastTheEndShowsTheLastPage(DatabaseProvider provider)
    {
        await using var w = await SearchWorld.CreateAsync(provider);
        var points = new[] { (53.5449, -2.1108), (53.5461, -2.1031), (53.5402, -2.0955), (53.5488, -2.0901), (53.5431, -2.0812) };
        for (var i = 0; i < points.Length; i++)
            await w.AddAsync($"Reading group {i + 1}", "Books and tea.", terms: ["arts-culture"], lsoa: 2, at: points[i]);
        var all = await w.RunAsync($"q=reading&term={SearchWorld.Term("arts-culture")}&near=E01999992&within=5&sort=distance");
        var centre = all.Centre!.Value;
        Assert.Equal(points.Length, all.Hits.Total);
        foreach (var h in all.Hits.Items)
        {
            var p = points[int.Parse(h.Name[^1..], System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.Equal(centre.DistanceKm(new Cohesion.Analytics.Geography.GeoPoint(p.Item1, p.Item2)), h.DistanceKm!.Value, 9);
        }
        Assert.Equal(all.Hits.Items.Select(h => h.DistanceKm).Order(), all.Hits.Items.Select(h => h.DistanceKm));
        var last = await w.RunAsync($"q=reading&near=E01999992&within=5&sort=distance&per_page=2&page=9");
        Assert.Equal(3, last.Hits.Page);
        Assert.Equal([all.Hits.Items[4].Name], last.Hits.Items.Select(h => h.Name));
        // A distance between two of them keeps exactly those at most that far, as DistanceKm says.
        var limit = Math.Round(all.Hits.Items[2].DistanceKm!.Value + 0.01, 2);
        var within = await w.NamesAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"q=reading&near=E01999992&within={limit}&sort=distance"));
        Assert.Equal(all.Hits.Items.Where(h => h.DistanceKm <= limit).Select(h => h.Name), within);
    }

    static async Task SetConsentAsync(SearchWorld w, Guid id, DateOnly? on)
    {
        await using var db = w.Database.Context();
        var s = await db.AssetServices.SingleAsync(x => x.Id == id);
        s.ConsentRecordedOn = on;
        await db.SaveChangesAsync();
    }

    static async Task<long> ScalarAsync(System.Data.Common.DbConnection conn, System.Data.Common.DbTransaction tx, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    static Task<int> DirtyAsync(SearchWorld w) => CountAsync(w, "as_search_dirty");
    static Task<int> PointsAsync(SearchWorld w) => CountAsync(w, "as_search_points");

    static async Task<int> CountAsync(SearchWorld w, string table)
    {
        await using var db = w.Database.Context();
        return (await db.QueryAsync($"SELECT COUNT(*) FROM {table}", r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))[0];
    }

    /// <summary>Every indexed document, point and note, as text, to compare before and after.</summary>
    static async Task<string> SnapshotAsync(SearchWorld w)
    {
        await using var db = w.Database.Context();
        var pg = db.Database.IsNpgsql();
        var docs = await db.QueryAsync(pg ? "SELECT service_id::text || document::text || facets::text FROM as_search_docs ORDER BY service_id"
            : "SELECT service_id || name || coalesce(terms, '') || coalesce(facets, '') FROM as_search_docs ORDER BY service_id", r => r.GetString(0), CancellationToken.None);
        var points = await db.QueryAsync(pg ? "SELECT service_id::text || lat || lon FROM as_search_points ORDER BY 1" : "SELECT doc_id || lat || lon FROM as_search_points ORDER BY 1",
            r => r.GetString(0), CancellationToken.None);
        var notes = await db.QueryAsync("SELECT COUNT(*) FROM as_search_dirty", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        return string.Join("|", docs) + "#" + string.Join("|", points) + "#" + notes[0];
    }

    /// <summary>Plain SQL through the connection, as a bulk importer would send it.</summary>
    static async Task ExecAsync(CohesionDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task<int> DocumentsAsync(SearchWorld w)
    {
        await using var db = w.Database.Context();
        return (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM as_search_docs").ToListAsync()).Single();
    }

    /// <summary>FTS5's own check that the index matches its content table exactly.</summary>
    static async Task AssertFts5IntegrityAsync(SearchWorld w)
    {
        await using var db = w.Database.Context();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO as_search (as_search, rank) VALUES ('integrity-check', 1)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO as_search_words (as_search_words, rank) VALUES ('integrity-check', 1)");
    }
}
