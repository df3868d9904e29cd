using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Cohesion.Load;

/// <summary>
/// A closed-loop load generator: N workers each send a GET, read the whole body, and send the next.
/// Each URL is measured on its own (warm-up, then a bounded measurement window), so a p95 belongs to
/// one endpoint. Only loopback addresses are accepted: this is for benchmarking a local server.
/// </summary>
public static class Program
{
    sealed record Options(List<Uri> Urls, int Concurrency, TimeSpan Duration, TimeSpan Warmup, long MaxRequests, TimeSpan Timeout, double? TargetP95,
        string? BodyTemplate = null, List<(string Name, string Value)>? Headers = null, double RetryShare = 0);

    /// <summary>In POST mode, the ids sent (each once or more) and those the server acknowledged (200 or 201).</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SentIds = new(), AckedIds = new();

    sealed record Outcome(Uri Url, long Requests, long Errors, double Seconds, double[] SortedMs, long Bytes, IReadOnlyDictionary<string, long> ErrorKinds)
    {
        public double Rps => Requests / Seconds;
        public double Percentile(double p) => SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * SortedMs.Length) - 1, 0, SortedMs.Length - 1)];
    }

    const string Usage = """
        usage: cohesion-load --url URL [--url URL ...] [options]
          --url URL            a GET target on 127.0.0.1/localhost/[::1]; repeat to measure several, one after another
          -c, --concurrency N  concurrent workers (default 50)
          -d, --duration S     seconds to measure each URL (default 20)
          -w, --warmup S       seconds of unrecorded warm-up per URL (default 5)
          -n, --max-requests N stop measuring a URL after N requests even if time remains (default 200000)
          --timeout S          per-request timeout in seconds, counted as an error (default 10)
          --target-p95 MS      print PASS or MISS against this p95
          --post FILE          POST this JSON body instead of GETting; each "{id}" in it becomes a fresh id (200 and 201 count as success)
          --retry-share X      in POST mode, the share (0-1) of requests that resend an id this worker already sent, as a retrying client does
          --header "N: V"      a request header (repeatable), e.g. an API key
        A URL that does not answer 200 to a first GET is reported as SKIPPED and not measured (exit code 2).
        Output: a table, then one machine-readable line per URL starting with RESULT.
        """;

    public static async Task<int> Main(string[] args)
    {
        Options o;
        try { o = Parse(args); }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"cohesion-load: {e.Message}\n{Usage}");
            return 64;
        }
        if (o.Urls.Count == 0) { await Console.Error.WriteLineAsync(Usage); return 64; }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = o.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cohesion-load: {o.Concurrency} workers, warm-up {o.Warmup.TotalSeconds:0.#} s, measure {o.Duration.TotalSeconds:0.#} s (at most {o.MaxRequests:N0} requests) per URL, timeout {o.Timeout.TotalSeconds:0.#} s; {Environment.ProcessorCount} cores"));
        var results = new List<(Uri Url, Outcome? Outcome, string? Skipped)>();
        foreach (var url in o.Urls)
        {
            var (ok, why) = o.BodyTemplate is null ? await ProbeAsync(client, url, o.Timeout) : (true, null);
            if (!ok)
            {
                Console.WriteLine($"  {url}: SKIPPED ({why})");
                results.Add((url, null, why));
                continue;
            }
            Console.Write($"  {url}: warming up… ");
            await RunAsync(client, url, o, o.Warmup, long.MaxValue, record: false);
            Console.Write("measuring… ");
            var outcome = await RunAsync(client, url, o, o.Duration, o.MaxRequests, record: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Requests:N0} requests"));
            results.Add((url, outcome, null));
        }

        Console.WriteLine();
        Console.WriteLine($"{"url",-60} {"requests",9} {"errors",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"KB/resp",8}");
        foreach (var (url, r, skipped) in results)
        {
            if (r is null) { Console.WriteLine($"{url,-60} SKIPPED: {skipped}"); continue; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{url,-60} {r.Requests,9} {r.Errors,7} {r.Rps,8:F1} {r.Percentile(50),8:F1} {r.Percentile(95),8:F1} {r.Percentile(99),8:F1} {r.Percentile(100),8:F1} {(r.Requests == 0 ? 0 : r.Bytes / 1024.0 / r.Requests),8:F1}"));
            foreach (var (kind, n) in r.ErrorKinds.OrderByDescending(k => k.Value)) Console.WriteLine($"    errors: {n} × {kind}");
        }
        foreach (var (url, r, skipped) in results)
        {
            if (r is null) { Console.WriteLine($"RESULT url={url} skipped=\"{skipped}\""); continue; }
            var verdict = o.TargetP95 is { } t ? (r.Percentile(95) < t && r.Errors == 0 ? " verdict=PASS" : " verdict=MISS") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT url={url} requests={r.Requests} errors={r.Errors} rps={r.Rps:F1} p50={r.Percentile(50):F1} p95={r.Percentile(95):F1} p99={r.Percentile(99):F1} max={r.Percentile(100):F1} concurrency={o.Concurrency} seconds={r.Seconds:F1}{verdict}{(o.BodyTemplate is null ? "" : $" ids_sent={SentIds.Count} ids_acknowledged={AckedIds.Count}")}"));
        }
        return results.Any(r => r.Skipped is not null) ? 2 : 0;
    }

    static async Task<(bool Ok, string? Why)> ProbeAsync(HttpClient client, Uri url, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            using var resp = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cts.Token);
            return resp.StatusCode == HttpStatusCode.OK ? (true, null) : (false, $"status {(int)resp.StatusCode} {resp.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return (false, e.Message);
        }
    }

    /// <summary>Runs the workers against one URL until the time is up or the request cap is reached.</summary>
    static async Task<Outcome> RunAsync(HttpClient client, Uri url, Options o, TimeSpan duration, long maxRequests, bool record)
    {
        long issued = 0, errors = 0, bytes = 0;
        var kinds = new Dictionary<string, long>();
        var perWorker = new List<double>[o.Concurrency];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker(int w)
        {
            var mine = perWorker[w] = new List<double>(4096);
            var buffer = new byte[64 * 1024];
            var random = new Random(w * 7919 + (record ? 1 : 0));
            var myIds = new List<string>();
            var run = record ? "m" : "w";
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var t0 = Stopwatch.GetTimestamp();
                string? error = null;
                long read = 0;
                using (var cts = new CancellationTokenSource(o.Timeout))
                {
                    try
                    {
                        using var request = new HttpRequestMessage(o.BodyTemplate is null ? HttpMethod.Get : HttpMethod.Post, url);
                        foreach (var (name, value) in o.Headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
                        string? id = null;
                        if (o.BodyTemplate is { } template)
                        {
                            id = myIds.Count > 0 && random.NextDouble() < o.RetryShare ? myIds[random.Next(myIds.Count)] : $"load-{Environment.ProcessId}-{run}{w}-{myIds.Count}";
                            if (!myIds.Contains(id)) myIds.Add(id);
                            SentIds[id] = true;
                            request.Content = new StringContent(template.Replace("{id}", id, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
                        }
                        using var resp = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                        await using var body = await resp.Content.ReadAsStreamAsync(cts.Token);
                        int n;
                        while ((n = await body.ReadAsync(buffer, cts.Token)) > 0) read += n;
                        if (resp.StatusCode == HttpStatusCode.OK || (id is not null && resp.StatusCode == HttpStatusCode.Created)) { if (id is not null) AckedIds[id] = true; }
                        else error = $"status {(int)resp.StatusCode}";
                    }
                    catch (OperationCanceledException) { error = "timeout"; }
                    catch (HttpRequestException e) { error = e.InnerException is SocketException se ? $"socket {se.SocketErrorCode}" : "http: " + e.Message; }
                }
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (!record) continue;
                mine.Add(ms);
                Interlocked.Add(ref bytes, read);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    lock (kinds) kinds[error] = kinds.GetValueOrDefault(error) + 1;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(w => Task.Run(() => Worker(w))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = perWorker.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Outcome(url, all.Length, errors, seconds, all, bytes, kinds);
    }

    static Options Parse(string[] args)
    {
        var urls = new List<Uri>();
        int concurrency = 50;
        double duration = 20, warmup = 5, timeout = 10;
        long max = 200_000;
        double? target = null;
        string? body = null;
        double retry = 0;
        var headers = new List<(string, string)>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Num(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new ArgumentException($"not a number: {s}");
            switch (args[i])
            {
                case "--url":
                    var s = Next();
                    if (!Uri.TryCreate(s, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")) throw new ArgumentException($"not an http URL: {s}");
                    if (!IsLoopback(u)) throw new ArgumentException($"only loopback targets are allowed (127.0.0.1, localhost, [::1]): {s}");
                    urls.Add(u);
                    break;
                case "-c" or "--concurrency": concurrency = (int)Num(Next()); break;
                case "-d" or "--duration": duration = Num(Next()); break;
                case "-w" or "--warmup": warmup = Num(Next()); break;
                case "-n" or "--max-requests": max = (long)Num(Next()); break;
                case "--timeout": timeout = Num(Next()); break;
                case "--target-p95": target = Num(Next()); break;
                case "--post": body = File.ReadAllText(Next()); break;
                case "--retry-share": retry = Num(Next()); break;
                case "--header":
                    var h = Next();
                    var colon = h.IndexOf(':');
                    if (colon < 1) throw new ArgumentException($"a header is 'Name: value': {h}");
                    headers.Add((h[..colon].Trim(), h[(colon + 1)..].Trim()));
                    break;
                case "-h" or "--help": throw new ArgumentException("help");
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (concurrency is < 1 or > 1000) throw new ArgumentException("concurrency must be 1-1000");
        if (duration is <= 0 or > 600 || warmup > 600) throw new ArgumentException("duration must be 0-600 s and warm-up at most 600 s");
        if (max < 1) throw new ArgumentException("max-requests must be at least 1");
        if (timeout is <= 0 or > 120) throw new ArgumentException("timeout must be 0-120 s");
        if (retry > 1) throw new ArgumentException("retry-share must be 0-1");
        return new Options(urls, concurrency, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), max, TimeSpan.FromSeconds(timeout), target, body, headers, retry);
    }

    static bool IsLoopback(Uri u) =>
        u.IsLoopback && (u.HostNameType != UriHostNameType.Dns || u.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        && (!IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) || IPAddress.IsLoopback(ip));
}
