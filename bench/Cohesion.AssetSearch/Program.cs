using System.Diagnostics;
using System.Globalization;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Search;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohesion.AssetSearchBench;

/// <summary>
/// Times the directory search at scale: a fresh database per provider with N generated services, then a mix of
/// text + taxonomy + distance searches (some words misspelt) through <see cref="AssetSearch"/>, the code the /assets
/// page and /api/v1/assets run, each with its own DbContext as a request has. Prints p50, p95 and max per provider.
/// </summary>
public static class Program
{
    const string Usage = """
        usage: cohesion-asset-search-bench [--services N] [--queries N] [--seed N] [--postgres CONNECTION] [--sqlite-dir DIR] [--target-p95 MS]
          --postgres  a server connection string (a database is created and dropped); omit to measure SQLite only
        """;

    public static async Task<int> Main(string[] args)
    {
        var services = 50_000;
        var queries = 400;
        ulong seed = 1;
        string? postgres = null;
        var dir = Path.Combine(Path.GetTempPath(), "cohesion-asset-search-bench");
        var target = 50.0;
        var reuse = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--services": services = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--queries": queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[++i]; break;
                case "--sqlite-dir": dir = args[++i]; break;
                case "--target-p95": target = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--reuse-sqlite": reuse = true; break;
                default: await Console.Error.WriteLineAsync(Usage); return 64;
            }
        }
        Console.WriteLine($"asset search: {services:N0} services, {queries} queries (seed {seed}), {Environment.ProcessorCount} cores");
        var ok = true;
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"assets-{services}-{seed}.db");
        if (!reuse || !File.Exists(file))
        {
            reuse = false;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
        ok &= await RunAsync("SQLite", DatabaseSettings.Sqlite(file), services, queries, seed, target, generate: !reuse);
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            var name = "cohesion_bench_assets_" + Environment.ProcessId;
            await AdminAsync(postgres, $"CREATE DATABASE {name}");
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
                ok &= await RunAsync("PostgreSQL", new DatabaseSettings(DatabaseProvider.Postgres, cs), services, queries, seed, target);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
        return ok ? 0 : 1;
    }

    static async Task<bool> RunAsync(string label, DatabaseSettings settings, int services, int queries, ulong seed, double target, bool generate = true)
    {
        var counts = generate ? await Generator.GenerateAsync(settings, services, seed) : new Generator.Counts(services, 0, 0, 0);
        if (generate)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: generated {counts.Services:N0} services, {counts.Organisations:N0} organisations, {counts.Locations:N0} locations in {counts.Seconds:0.0} s (index triggers included)"));
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await using var db = settings.CreateContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        var vocabulary = new SearchVocabulary();
        var search = new AssetSearch(new AreaStatsCache(), new AreaShapes(), vocabulary);
        var mix = await QueriesAsync(settings, queries + 30, seed);
        var sw = Stopwatch.StartNew();
        await using (var db = settings.CreateContext()) (await vocabulary.GetAsync(db, CancellationToken.None)).Count.ToString(CultureInfo.InvariantCulture);
        var vocabularyMs = sw.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var results = new List<int>();
        var corrected = 0;
        var slowest = new List<(double Ms, string Query)>();
        for (var i = 0; i < mix.Count; i++)
        {
            var q = AssetQuery.From(new QueryCollection(QueryHelpers.ParseQuery(mix[i])), out var errors);
            if (errors.Count > 0) throw new InvalidOperationException($"{mix[i]}: {errors[0].Message}");
            sw.Restart();
            await using var db = Context(settings, i < 3 && Environment.GetEnvironmentVariable("BENCH_SQL") == "1");
            var (r, e) = await search.RunAsync(db, q, DateTimeOffset.UtcNow, CancellationToken.None);
            var ms = sw.Elapsed.TotalMilliseconds;
            if (e.Count > 0) throw new InvalidOperationException($"{mix[i]}: {e[0].Message}");
            if (i < 30) continue; // warm-up: JIT, EF query compilation, connection pools
            times.Add(ms);
            slowest.Add((ms, mix[i]));
            results.Add(r!.Hits.Total);
            if (r.Plan.Corrected) corrected++;
        }
        times.Sort();
        foreach (var (ms, query) in slowest.OrderByDescending(x => x.Ms).Take(Environment.GetEnvironmentVariable("BENCH_SLOWEST") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.0} ms  {query}"));
        double P(double p) => times[Math.Clamp((int)Math.Ceiling(p / 100 * times.Count) - 1, 0, times.Count - 1)];
        results.Sort();
        var verdict = P(95) < target ? "PASS" : "MISS";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {times.Count} searches: p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, max {times[^1]:0.0} ms ({verdict} against p95 < {target} ms); results per search median {results[results.Count / 2]}, max {results[^1]}; {corrected} corrected; vocabulary read in {vocabularyMs:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT\t{label}\t{services}\tp50={P(50):0.0}\tp95={P(95):0.0}\tmax={times[^1]:0.0}\tgenerate_s={counts.Seconds:0.0}\tvocabulary_ms={vocabularyMs:0}\t{verdict}"));
        return verdict == "PASS";
    }

    /// <summary>Words (a tenth misspelt, the last sometimes unfinished) with a taxonomy term and a distance from a ward, most of the time.</summary>
    static async Task<List<string>> QueriesAsync(DatabaseSettings settings, int n, ulong seed)
    {
        List<string> wards;
        await using (var db = settings.CreateContext())
            wards = await db.Areas.Where(a => a.Level == AreaLevel.Ward).Select(a => a.Code).ToListAsync();
        string[] words = ["esol", "english", "conversation", "club", "cafe", "language", "football", "choir", "art", "youth", "lunch", "advice", "food", "bank",
            "pantry", "walk", "wellbeing", "women", "family", "refugee", "welcome", "volunteer", "hall", "garden", "allotment", "knitting", "carers", "coffee",
            "homework", "cricket", "coldhurst", "werneth", "glodwick", "chadderton", "royton", "shaw", "saturday", "evening", "beginners", "interpreters", "creche"];
        var terms = CohesionTaxonomy.Activities.Select(t => t.Code).ToArray();
        var rng = new DemoRandom(seed, 9);
        var list = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            var picked = Enumerable.Range(0, 1 + rng.Below(2)).Select(_ => Generator.Pick(rng, words)).ToList();
            if (rng.Chance(0.15)) picked[0] = Typo(picked[0], rng);
            if (rng.Chance(0.15) && picked[^1].Length > 4) picked[^1] = picked[^1][..^2];
            var parts = new List<string> { "q=" + Uri.EscapeDataString(string.Join(' ', picked)) };
            if (rng.Chance(0.7)) parts.Add("term=" + CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, Generator.Pick(rng, terms)));
            if (rng.Chance(0.7)) parts.Add($"near={Generator.Pick(rng, wards)}&within={Generator.Pick(rng, AssetQuery.Distances).ToString(CultureInfo.InvariantCulture)}");
            list.Add(string.Join('&', parts));
        }
        return list;
    }

    /// <summary>One slip: two neighbouring letters swapped, or one dropped.</summary>
    static string Typo(string w, DemoRandom rng)
    {
        if (w.Length < 4) return w;
        var i = 1 + rng.Below(w.Length - 2);
        return rng.Chance(0.5) ? w[..i] + w[i + 1] + w[i] + w[(i + 2)..] : w[..i] + w[(i + 1)..];
    }

    /// <summary>A context as a request gets one; with <paramref name="log"/>, printing the SQL it sends (BENCH_SQL=1, first searches only).</summary>
    static CohesionDb Context(DatabaseSettings settings, bool log)
    {
        if (!log) return settings.CreateContext();
        var b = new DbContextOptionsBuilder<CohesionDb>();
        settings.Configure(b);
        b.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        return new CohesionDb(b.Options);
    }

    static async Task AdminAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
