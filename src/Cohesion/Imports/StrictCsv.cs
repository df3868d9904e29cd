using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cohesion.Imports;

/// <summary>
/// Reads a CSV file for import with the checks every importer needs: the file exists and is not empty,
/// is UTF-8 (a BOM is allowed), has the expected header, and no field is longer than the limit.
/// Every failure becomes an <see cref="ImportFailedException"/> naming the line.
/// </summary>
public sealed class StrictCsv : IDisposable
{
    public const int DefaultMaxField = 1000;
    readonly StreamReader _reader;
    readonly CsvReader _csv;
    public string FileName { get; }
    public string[] Header { get; private set; } = [];

    readonly int _maxField;

    StrictCsv(string path, int maxField)
    {
        _maxField = maxField;
        FileName = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        _csv = new CsvReader(_reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MaxFieldSize = maxField,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
            IgnoreBlankLines = true,
        });
    }

    public static StrictCsv Open(string path, int maxField = DefaultMaxField)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw ImportFailedException.One(name, null, null, null, $"file not found: {path}");
        if (new FileInfo(path).Length == 0) throw ImportFailedException.One(name, null, null, null, "the file is empty");
        var csv = new StrictCsv(path, maxField);
        try
        {
            if (!csv.Read()) throw ImportFailedException.One(name, null, null, null, "the file is empty (no header line)");
            csv.Header = csv.Record.Select((h, i) => i == 0 ? h.TrimStart('\uFEFF').Trim() : h.Trim()).ToArray();
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The current record's fields.</summary>
    public string[] Record { get; private set; } = [];

    /// <summary>1-based physical line number where the current record starts.</summary>
    public long Line { get; private set; }

    public bool Read()
    {
        try
        {
            if (!_csv.Read()) return false;
            Record = _csv.Parser.Record ?? [];
            Line = _csv.Parser.RawRow;
            return true;
        }
        catch (DecoderFallbackException)
        {
            var (line, offset) = LocateInvalidUtf8(_reader.BaseStream is FileStream fs ? fs.Name : FileName);
            throw ImportFailedException.One(FileName, line, null, $"byte offset {offset}", "the file is not valid UTF-8: save it as UTF-8 (CSV UTF-8 in Excel)");
        }
        catch (MaxFieldSizeException)
        {
            throw ImportFailedException.One(FileName, _csv.Parser.RawRow, null, null, $"a field is longer than the limit of {_maxFieldLabel} characters");
        }
        catch (CsvHelperException e) when (e is not MaxFieldSizeException)
        {
            throw ImportFailedException.One(FileName, _csv.Parser.RawRow, null, null, $"the line is not valid CSV ({e.GetType().Name.Replace("Exception", "")})");
        }
    }

    string _maxFieldLabel => _maxField.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Requires the header to equal <paramref name="expected"/> (case-insensitive), optionally followed by <paramref name="optional"/> columns in order.</summary>
    public void RequireHeader(string[] expected, params string[] optional)
    {
        var ok = Header.Length >= expected.Length && Header.Length <= expected.Length + optional.Length;
        for (var i = 0; ok && i < Header.Length; i++)
        {
            var want = i < expected.Length ? expected[i] : optional[i - expected.Length];
            ok = string.Equals(Header[i], want, StringComparison.OrdinalIgnoreCase);
        }
        if (!ok)
        {
            var want = string.Join(",", expected) + (optional.Length > 0 ? $"[,{string.Join(",", optional)}]" : "");
            throw ImportFailedException.One(FileName, 1, null, string.Join(",", Header), $"wrong header: expected {want}");
        }
    }

    public int ColumnIndex(string name) => Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds the first invalid UTF-8 sequence: its 1-based line and byte offset.</summary>
    static (long Line, long Offset) LocateInvalidUtf8(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        long line = 1;
        var i = 0;
        while (i < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[i..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return (line, i);
            if (span[i] == (byte)'\n') line++;
            i += consumed;
        }
        return (line, i);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }
}
