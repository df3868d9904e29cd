using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cohesion.Tests.Tensions.Watch;

/// <summary>
/// A small SMTP server on 127.0.0.1 that accepts every message and keeps it: a real socket speaking enough of RFC 5321
/// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for System.Net.Mail, so delivery is tested end to end without a mail server.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public sealed record Mail(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The body as text: System.Net.Mail sends non-ASCII bodies base64-encoded.</summary>
        public string Text
        {
            get
            {
                var split = Data.IndexOf("\n\n", StringComparison.Ordinal);
                if (split < 0) return Data;
                var (head, body) = (Data[..split], Data[(split + 2)..]);
                return head.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)))
                    : body;
            }
        }
    }

    readonly TcpListener _listener;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    public ConcurrentQueue<Mail> Received { get; } = new();
    public int Port { get; }

    public SmtpSink(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>A port nothing listens on (a mail server that is down).</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test sink");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO": await writer.WriteLineAsync("250-localhost"); await writer.WriteLineAsync("250 8BITMIME"); break;
                case "HELO": await writer.WriteLineAsync("250 localhost"); break;
                case "MAIL": from = line[(line.IndexOf(':') + 1)..].Trim(' ', '<', '>'); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                case "RCPT": to.Add(line[(line.IndexOf(':') + 1)..].Trim(' ', '<', '>')); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append('\n');
                    Received.Enqueue(new Mail(from, [.. to], data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("250 OK"); break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
