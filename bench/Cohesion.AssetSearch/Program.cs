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
/// Times the directory search at scale: a fresh database per provider with N generated services, then two mixes of
/// searches through <see cref="AssetSearch"/>, the code the /assets page and /api/v1/assets run, each with its own
/// DbContext as a request has: the criterion's (every search words + taxonomy term + distance, some words misspelt or
/// unfinished), with the verdict, and a wider one without. Prints p50, p95, max and CPU time per mix and provider.
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
                // BENCH_KEEP_PG=1 keeps the database, to look at plans afterwards (drop it yourself).
                if (Environment.GetEnvironmentVariable("BENCH_KEEP_PG") == "1") Console.WriteLine($"kept PostgreSQL database {name}");
                else await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
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
        var sw = Stopwatch.StartNew();
        await using (var db = settings.CreateContext()) (await vocabulary.GetAsync(db, CancellationToken.None)).Count.ToString(CultureInfo.InvariantCulture);
        var vocabularyMs = sw.Elapsed.TotalMilliseconds;
        // The criterion (issue 6): every search has words, a taxonomy term and a distance from an area. Then a wider mix
        // (some without a term or a distance), reported without a verdict.
        var criterion = await TimeAsync(label, "words + term + distance", settings, search, await QueriesAsync(settings, queries + Warmup, seed, always: true));
        var wider = await TimeAsync(label, "wider mix", settings, search, await QueriesAsync(settings, queries + Warmup, seed + 1, always: false));
        var verdict = criterion.P95 < target ? "PASS" : "MISS";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: criterion p95 {criterion.P95:0.0} ms: {verdict} against p95 < {target} ms; vocabulary read in {vocabularyMs:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT\t{label}\t{services}\tp50={criterion.P50:0.0}\tp95={criterion.P95:0.0}\tmax={criterion.Max:0.0}\tcpu_p95={criterion.CpuMs:0.0}\twider_p50={wider.P50:0.0}\twider_p95={wider.P95:0.0}\tgenerate_s={counts.Seconds:0.0}\tvocabulary_ms={vocabularyMs:0}\t{verdict}"));
        return verdict == "PASS";
    }

    const int Warmup = 30;

    sealed record Timing(double P50, double P95, double Max, double CpuMs);

    /// <summary>
    /// Runs the searches one after another (after <see cref="Warmup"/> untimed ones: JIT, EF query compilation, pools),
    /// each with its own context as a request has; prints the percentiles, this process's CPU time per search (the
    /// database server's is not in it), the slowest searches (BENCH_SLOWEST, default 5) and each of the three slowest
    /// run again five times alone, so that a slow search can be told from a busy machine.
    /// </summary>
    static async Task<Timing> TimeAsync(string label, string name, DatabaseSettings settings, AssetSearch search, List<string> mix)
    {
        var times = new List<double>();
        var results = new List<int>();
        var corrected = 0;
        var slowest = new List<(double Ms, string Query)>();
        var sw = new Stopwatch();
        var cpu = new List<double>();
        for (var i = 0; i < mix.Count; i++)
        {
            var q = Parse(mix[i]);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            var r = await RunOneAsync(settings, search, q, i < 3 && Environment.GetEnvironmentVariable("BENCH_SQL") == "1");
            var ms = sw.Elapsed.TotalMilliseconds;
            if (i < Warmup) continue;
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            times.Add(ms);
            slowest.Add((ms, mix[i]));
            results.Add(r.Hits.Total);
            if (r.Plan.Corrected) corrected++;
        }
        times.Sort();
        results.Sort();
        cpu.Sort();
        double P(double p) => Percentile(times, p);
        var cpuMs = Percentile(cpu, 95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}, {name}: {times.Count} searches: p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, max {times[^1]:0.0} ms; CPU time in this process (SQLite's work included, PostgreSQL's server not) p50 {Percentile(cpu, 50):0.0} ms, p95 {cpuMs:0.0} ms; results per search median {results[results.Count / 2]}, max {results[^1]}; {corrected} corrected"));
        var top = slowest.OrderByDescending(x => x.Ms).ToList();
        foreach (var (ms, query) in top.Take(Environment.GetEnvironmentVariable("BENCH_SLOWEST") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.0} ms  {query}"));
        foreach (var (_, query) in top.Take(3))
        {
            var again = new List<double>();
            for (var k = 0; k < 5; k++)
            {
                sw.Restart();
                await RunOneAsync(settings, search, Parse(query), false);
                again.Add(sw.Elapsed.TotalMilliseconds);
            }
            again.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  alone, 5 runs: min {again[0]:0.0} ms, median {again[2]:0.0} ms  {query}"));
        }
        return new Timing(P(50), P(95), times[^1], cpuMs);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    static AssetQuery Parse(string query)
    {
        var q = AssetQuery.From(new QueryCollection(QueryHelpers.ParseQuery(query)), out var errors);
        return errors.Count > 0 ? throw new InvalidOperationException($"{query}: {errors[0].Message}") : q;
    }

    static async Task<AssetResults> RunOneAsync(DatabaseSettings settings, AssetSearch search, AssetQuery q, bool log)
    {
        await using var db = Context(settings, log);
        var (r, e) = await search.RunAsync(db, q, DateTimeOffset.UtcNow, CancellationToken.None);
        return e.Count > 0 ? throw new InvalidOperationException($"{q.Describe()}: {e[0].Message}") : r!;
    }

    /// <summary>
    /// One or two words (the first misspelt one time in seven, the last unfinished one time in seven) with a taxonomy
    /// term and a distance from a ward (one the page offers): always when <paramref name="always"/>, else each seven
    /// times in ten.
    /// </summary>
    static async Task<List<string>> QueriesAsync(DatabaseSettings settings, int n, ulong seed, bool always)
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
            if (always || rng.Chance(0.7)) parts.Add("term=" + CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, Generator.Pick(rng, terms)));
            if (always || rng.Chance(0.7)) parts.Add($"near={Generator.Pick(rng, wards)}&within={Generator.Pick(rng, AssetQuery.Distances).ToString(CultureInfo.InvariantCulture)}");
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
