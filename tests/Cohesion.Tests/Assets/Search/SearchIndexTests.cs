using Cohesion.Assets.Model;
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
        Assert.Equal(["Pantry pop-up"], await w.NamesAsync("q=pantry"));
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
