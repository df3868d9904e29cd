using System.Data.Common;
using System.Globalization;
using Cohesion.Web;
using Cohesion.Analytics.Geography;
using Cohesion.Assets.Geo;
using Cohesion.Assets.Search;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cohesion.AssetSearchBench;

/// <summary>
/// A synthetic directory of N services across Oldham's LSOAs, from word lists and a seed: organisations, locations at
/// points inside the real LSOA boundaries, one to three activity terms and an audience, weekly or monthly schedules,
/// languages. Written the way a bulk import writes: one transaction of prepared inserts on SQLite, binary COPY on
/// PostgreSQL, so the index triggers run as they would for an import, and the index is refreshed once before the commit.
/// </summary>
public static class Generator
{
    static readonly string[] Adjectives = ["Friendly", "Community", "Women's", "Family", "Youth", "Seniors'", "Neighbourhood", "Open", "Weekly", "Saturday", "Evening", "Morning", "Multicultural", "Local", "Welcome"];
    static readonly (string Word, string Term)[] Activities =
    [
        ("ESOL class", "esol"), ("English conversation club", "conversation-club"), ("language café", "language-cafe"), ("buddy scheme", "buddy-scheme"),
        ("wellbeing walk", "mental-health"), ("mindfulness group", "mental-health"), ("football club", "sport"), ("badminton session", "sport"),
        ("cricket nets", "sport"), ("art workshop", "arts-culture"), ("choir", "arts-culture"), ("drama group", "arts-culture"), ("sewing circle", "arts-culture"),
        ("prayer group", "faith"), ("youth club", "youth"), ("homework club", "youth"), ("lunch club", "older-people"), ("befriending service", "older-people"),
        ("carers' coffee morning", "carers"), ("disability sports", "disability"), ("refugee welcome", "refugee-migrant"), ("asylum drop-in", "refugee-migrant"),
        ("benefits advice", "advice"), ("housing advice", "advice"), ("food bank", "food"), ("community pantry", "food"), ("cooking class", "food"),
        ("volunteer centre", "volunteering"), ("community hall", "community-space"), ("room hire", "community-space"), ("park friends group", "green-space"),
        ("allotment society", "green-space"), ("social prescribing link worker", "social-prescribing"), ("gardening club", "green-space"), ("knitting group", "arts-culture"),
    ];
    static readonly string[] Places = ["Coldhurst", "Werneth", "Glodwick", "Chadderton", "Royton", "Shaw", "Failsworth", "Lees", "Saddleworth", "Hollinwood", "Alexandra", "Waterhead", "Medlock Vale", "St Mary's", "Crompton"];
    static readonly string[] Audiences = ["everyone", "children", "young-people", "families", "older-people", "women", "men", "disabled-people", "carers", "refugees-asylum-seekers", "new-arrivals"];
    static readonly (string Name, string Code)[] Languages = [("English", "en"), ("Urdu", "ur"), ("Bengali", "bn"), ("Polish", "pl"), ("Arabic", "ar"), ("Punjabi", "pa"), ("Romanian", "ro"), ("Kurdish", "ku"), ("Somali", "so"), ("Tigrinya", "ti")];
    static readonly string[] Sentences =
    [
        "A relaxed and welcoming group for anyone who wants to meet new people.", "Free tea and biscuits, and a warm space to talk.",
        "Volunteers help you practise speaking English in everyday situations.", "Sessions are led by qualified tutors and are suitable for beginners.",
        "Children are welcome and there is a creche during the morning session.", "Step-free access, a hearing loop and an accessible toilet.",
        "Bring your own lunch or share one of ours.", "We can help with forms, letters and phone calls.", "No booking needed: just turn up.",
        "Booking is essential as places are limited.", "Run by local residents since 2009.", "Interpreters can be arranged in advance.",
        "Meet other parents and carers from the neighbourhood.", "Gentle exercise to music, at your own pace.", "Learn new skills and gain a certificate.",
        "A safe space for young people aged 11 to 19.", "Help to find volunteering opportunities that suit you.", "Fresh fruit and vegetables at low cost.",
    ];
    static readonly string[] Organisations = ["Trust", "Association", "Centre", "Partnership", "Forum", "Project", "Network", "Collective", "Society", "Foundation"];

    public sealed record Counts(int Services, int Organisations, int Locations, double Seconds);

    public static async Task<Counts> GenerateAsync(DatabaseSettings settings, int services, ulong seed)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = settings.CreateContext())
        {
            await SchemaMigrator.MigrateAsync(db);
            await DemoPlace.SeedIfEmptyAsync(db);
            await TaxonomySeeder.EnsureAsync(db, CancellationToken.None);
        }
        List<(int AreaId, GeoPoint Point)> points;
        await using (var db = settings.CreateContext())
        {
            var lsoas = await db.Areas.Where(a => a.Level == AreaLevel.Lsoa).Select(a => a.Id).ToListAsync();
            var shapes = await new AreaShapes().AllAsync(db, CancellationToken.None);
            points = Points(shapes, lsoas, Math.Max(100, services / 5), new DemoRandom(seed, 1));
        }
        var rng = new DemoRandom(seed, 2);
        var organisations = Math.Max(10, services / 10);
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var orgIds = Enumerable.Range(0, organisations).Select(i => Id(seed, "org", i)).ToArray();
        var locIds = Enumerable.Range(0, points.Count).Select(i => Id(seed, "loc", i)).ToArray();

        var rows = new Rows();
        for (var i = 0; i < organisations; i++)
            rows.Organisations.Add([orgIds[i], $"{Pick(rng, Places)} {Pick(rng, Adjectives).TrimEnd('\'', 's')} {Pick(rng, Organisations)}", "", "Unchecked", true, now, now]);
        for (var i = 0; i < points.Count; i++)
            rows.Locations.Add([locIds[i], "Physical", $"{Pick(rng, Places)} {Pick(rng, ["Community Centre", "Library", "Church Hall", "Mosque", "Leisure Centre", "School", "Park Pavilion"])}",
                $"{1 + rng.Below(200)} {Pick(rng, ["High Street", "Union Street", "Manchester Road", "Rochdale Road", "Park Road", "Church Lane"])}", "Oldham",
                points[i].Point.Latitude, points[i].Point.Longitude, points[i].AreaId, true, now]);
        for (var i = 0; i < services; i++)
        {
            var id = Id(seed, "svc", i);
            var (activity, term) = Pick(rng, Activities);
            var place = Pick(rng, Places);
            var name = rng.Uniform() < 0.5 ? $"{place} {Pick(rng, Adjectives)} {activity}" : $"{Pick(rng, Adjectives)} {activity} ({place})";
            var description = string.Join(' ', Enumerable.Range(0, 2 + rng.Below(3)).Select(_ => Pick(rng, Sentences)));
            int? min = rng.Uniform() < 0.3 ? Pick(rng, new[] { 5, 11, 16, 18, 50, 60 }) : null;
            rows.Services.Add([id, orgIds[rng.Below(organisations)], rng.Uniform() < 0.05 ? "Space" : "Service", Capitalise(name), description,
                rng.Uniform() < 0.92 ? "Active" : "TemporarilyClosed", "Published", rng.Uniform() < 0.6, false, "Unchecked", 1, true, now, now.AddDays(-rng.Below(700)), min]);
            rows.ServiceLocations.Add([Id(seed, "sal", i), id, locIds[rng.Below(locIds.Length)]]);
            var terms = new HashSet<Guid> { CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, term) };
            if (rng.Uniform() < 0.4) terms.Add(CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, Pick(rng, Activities).Term));
            terms.Add(CohesionTaxonomy.TermId(CohesionTaxonomy.AudienceId, Pick(rng, Audiences)));
            foreach (var t in terms) rows.Terms.Add([id, t]);
            var opens = 9 + rng.Below(10);
            rows.Schedules.Add(rng.Uniform() < 0.8
                ? [Id(seed, "sch", i), id, "Weekly", Pick(rng, ["MO", "TU", "WE", "TH", "FR", "SA", "MO,WE", "TU,TH"]), new TimeOnly(opens, 0), new TimeOnly(opens + 2, 0)]
                : [Id(seed, "sch", i), id, "Monthly", Pick(rng, ["1TU", "2WE", "-1FR", "1SA", "3TH"]), new TimeOnly(opens, 0), new TimeOnly(opens + 2, 0)]);
            foreach (var (lname, code) in Enumerable.Range(0, 1 + rng.Below(3)).Select(_ => Pick(rng, Languages)).Distinct())
                rows.Languages.Add([Guid.NewGuid(), id, lname, code]);
        }
        if (settings.Provider == DatabaseProvider.Postgres) await WritePostgresAsync(settings, rows);
        else await WriteSqliteAsync(settings, rows);
        return new Counts(services, organisations, points.Count, started.Elapsed.TotalSeconds);
    }

    sealed class Rows
    {
        public List<object?[]> Organisations { get; } = [];
        public List<object?[]> Locations { get; } = [];
        public List<object?[]> Services { get; } = [];
        public List<object?[]> ServiceLocations { get; } = [];
        public List<object?[]> Terms { get; } = [];
        public List<object?[]> Schedules { get; } = [];
        public List<object?[]> Languages { get; } = [];
    }

    static readonly (string Table, string Columns)[] Tables =
    [
        ("as_organisations", "id, name, description, review, is_synthetic, created_at, updated_at"),
        ("as_locations", "id, kind, name, address1, city, latitude, longitude, area_id, is_synthetic, updated_at"),
        ("as_services", "id, organisation_id, kind, name, description, status, publication, is_free, contact_consent, review, version, is_synthetic, created_at, updated_at, minimum_age"),
        ("as_service_locations", "id, service_id, location_id"),
        ("as_service_terms", "service_id, term_id"),
        ("as_schedules", "id, service_id, freq, by_day, opens_at, closes_at"),
        ("as_languages", "id, service_id, name, code"),
    ];

    static List<object?[]> Of(Rows r, string table) => table switch
    {
        "as_organisations" => r.Organisations, "as_locations" => r.Locations, "as_services" => r.Services, "as_service_locations" => r.ServiceLocations,
        "as_service_terms" => r.Terms, "as_schedules" => r.Schedules, _ => r.Languages,
    };

    static async Task WriteSqliteAsync(DatabaseSettings settings, Rows rows)
    {
        await using var db = settings.CreateContext();
        await db.Database.OpenConnectionAsync();
        var conn = db.Database.GetDbConnection();
        foreach (var pragma in (Environment.GetEnvironmentVariable("BENCH_PRAGMAS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            await using var p = conn.CreateCommand();
            p.CommandText = "PRAGMA " + pragma;
            await p.ExecuteNonQueryAsync();
        }
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var (table, columns) in Tables)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var names = columns.Split(", ");
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
            var ps = names.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = "$p" + i; cmd.Parameters.Add(p); return p; }).ToArray();
            await cmd.PrepareAsync();
            foreach (var row in Of(rows, table))
            {
                for (var i = 0; i < ps.Length; i++) ps[i].Value = SqliteValue(row[i]);
                await cmd.ExecuteNonQueryAsync();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {Of(rows, table).Count:N0} rows in {sw.Elapsed.TotalSeconds:0.00} s"));
        }
        await RefreshAndCommitAsync(conn, tx);
    }

    /// <summary>As a bulk import ends: the search index's one refresh (<see cref="SearchIndex.RefreshAsync"/>), then the commit, each timed.</summary>
    static async Task RefreshAndCommitAsync(DbConnection conn, DbTransaction tx)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await SearchIndex.RefreshAsync(conn, tx, CancellationToken.None);
        var refresh = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await tx.CommitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search index refresh: {refresh:0.00} s; commit: {sw.Elapsed.TotalSeconds:0.00} s"));
    }

    static object SqliteValue(object? v) => v switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => v,
    };

    static async Task WritePostgresAsync(DatabaseSettings settings, Rows rows)
    {
        await using var conn = new NpgsqlConnection(settings.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var (table, columns) in Tables)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await using (var copy = await conn.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
            copy.Timeout = TimeSpan.FromMinutes(10);
            foreach (var row in Of(rows, table))
            {
                await copy.StartRowAsync();
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: await copy.WriteNullAsync(); break;
                        case DateTime d: await copy.WriteAsync(d, NpgsqlDbType.TimestampTz); break;
                        case TimeOnly t: await copy.WriteAsync(t, NpgsqlDbType.Time); break;
                        default: await copy.WriteAsync(v); break;
                    }
                }
            }
            await copy.CompleteAsync();
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {Of(rows, table).Count:N0} rows in {sw.Elapsed.TotalSeconds:0.00} s"));
        }
        await RefreshAndCommitAsync(conn, tx);
    }

    /// <summary>Points spread over the LSOAs, each inside its LSOA's boundary (rejection sampling in its box).</summary>
    static List<(int, GeoPoint)> Points(IReadOnlyDictionary<int, AreaShape> shapes, List<int> lsoas, int n, DemoRandom rng)
    {
        var list = new List<(int, GeoPoint)>(n);
        var withShape = lsoas.Where(shapes.ContainsKey).ToList();
        while (list.Count < n)
        {
            var s = shapes[withShape[rng.Below(withShape.Count)]];
            for (var tries = 0; tries < 50; tries++)
            {
                var p = new GeoPoint(s.MinLat + rng.Uniform() * (s.MaxLat - s.MinLat), s.MinLon + rng.Uniform() * (s.MaxLon - s.MinLon));
                if (s.Contains(p)) { list.Add((s.AreaId, p)); break; }
            }
        }
        return list;
    }

    static Guid Id(ulong seed, string kind, int i) => Cohesion.Assets.StableId.For($"bench:{seed}:{kind}:{i}");
    public static T Pick<T>(DemoRandom rng, IReadOnlyList<T> items) => items[rng.Below(items.Count)];
    static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
