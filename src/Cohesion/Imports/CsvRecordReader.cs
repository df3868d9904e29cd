using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Cohesion.Imports;

/// <summary>
/// A streaming RFC 4180 reader over UTF-8 bytes, for count tables read whole by a file-only verb: quoted fields
/// (with commas, doubled quotes and line breaks inside), CRLF or LF, a BOM, blank lines skipped. It hands out each
/// record's fields as byte spans with the quotes removed, so a number is parsed without a string being made.
/// Written because reading the 34,753-row census table through <see cref="StrictCsv"/> (CsvHelper) took about half
/// of <c>cohesion segregation</c>'s two seconds; this takes a few hundredths. Failures are
/// <see cref="ImportFailedException"/>s with the file and line, as <see cref="StrictCsv"/>'s are.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    const int MaxRecord = 1 << 20;
    readonly Stream _stream;
    byte[] _buffer = new byte[1 << 20];
    int _start, _end;
    bool _eof;
    long _nextLine = 1;
    byte[] _fields = new byte[4096];
    readonly List<(int Start, int Length)> _ranges = [];

    public string FileName { get; }

    /// <summary>The header's fields, trimmed.</summary>
    public string[] Header { get; private set; } = [];

    /// <summary>1-based physical line where the current record starts.</summary>
    public long Line { get; private set; }

    CsvRecordReader(string path)
    {
        FileName = Path.GetFileName(path);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    /// <summary>Opens the file and reads its header: it must exist, not be empty, and have a header line.</summary>
    public static CsvRecordReader Open(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw ImportFailedException.One(name, null, null, null, $"file not found: {path}");
        if (new FileInfo(path).Length == 0) throw ImportFailedException.One(name, null, null, null, "the file is empty");
        var reader = new CsvRecordReader(path);
        try
        {
            if (!reader.Read()) throw ImportFailedException.One(name, null, null, null, "the file is empty (no header line)");
            reader.Header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.Text(i).Trim()).ToArray();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The index of the header column with this name (case-insensitive), or −1.</summary>
    public int ColumnIndex(string name) => Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount => _ranges.Count;

    /// <summary>Field i of the current record, unquoted, as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Field(int i) => _fields.AsSpan(_ranges[i].Start, _ranges[i].Length);

    /// <summary>Field i of the current record as text.</summary>
    public string Text(int i) => Encoding.UTF8.GetString(Field(i));

    /// <summary>Moves to the next record that is not a blank line; false at the end of the file.</summary>
    public bool Read()
    {
        while (true)
        {
            var record = NextRecord(out var breaks);
            if (record < 0) return false;
            Line = _nextLine;
            _nextLine += breaks;
            var span = _buffer.AsSpan(_start, record);
            _start += record;
            if (_start < _end && _buffer[_start] == (byte)'\n') _start++;
            if (span.EndsWith((byte)'\r')) span = span[..^1];
            if (Line == 1 && span.StartsWith("\uFEFF"u8)) span = span[3..];
            if (span.IsEmpty) continue;
            if (!Utf8.IsValid(span)) throw ImportFailedException.One(FileName, Line, null, null, "the line is not valid UTF-8: save the file as UTF-8 (CSV UTF-8 in Excel)");
            Split(span);
            return true;
        }
    }

    /// <summary>
    /// The length of the next record in the buffer (up to, not including, the line break that ends it outside
    /// quotes, or the end of the file), reading more as needed; −1 at the end. Counts the line breaks it covers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int NextRecord(out int breaks)
    {
        var scanned = 0;
        var quoted = false;
        breaks = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            while (!span.IsEmpty)
            {
                var at = quoted ? span.IndexOf((byte)'"') : span.IndexOfAny((byte)'"', (byte)'\n');
                if (at < 0)
                {
                    if (quoted) breaks += span.Count((byte)'\n');
                    scanned += span.Length;
                    break;
                }
                if (quoted) breaks += span[..at].Count((byte)'\n');
                scanned += at + 1;
                if (span[at] == (byte)'\n')
                {
                    breaks++;
                    return scanned - 1;
                }
                quoted = !quoted;
                span = span[(at + 1)..];
            }
            if (_eof)
            {
                if (scanned == 0) return -1;
                if (quoted) throw ImportFailedException.One(FileName, _nextLine, null, null, "a quoted field is not closed before the end of the file");
                breaks++;
                return scanned;
            }
            Fill(scanned);
        }
    }

    /// <summary>Moves the unread bytes to the front and reads more, growing the buffer for a long record.</summary>
    void Fill(int scanned)
    {
        if (scanned >= MaxRecord) throw ImportFailedException.One(FileName, _nextLine, null, null, $"the line is longer than {MaxRecord:N0} bytes");
        var pending = _end - _start;
        if (pending == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRecord + 2));
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        _start = 0;
        _end = pending;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    /// <summary>Splits a record at commas outside quotes into unquoted fields; a quote inside an unquoted field is kept as text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Split(ReadOnlySpan<byte> record)
    {
        _ranges.Clear();
        if (_fields.Length < record.Length) _fields = new byte[Math.Max(record.Length, _fields.Length * 2)];
        var output = 0;
        var i = 0;
        while (true)
        {
            var fieldStart = output;
            if (i < record.Length && record[i] == (byte)'"')
            {
                i++;
                while (i < record.Length)
                {
                    var q = record[i..].IndexOf((byte)'"');
                    if (q < 0) q = record.Length - i;
                    record.Slice(i, q).CopyTo(_fields.AsSpan(output));
                    output += q;
                    i += q + 1;
                    if (i < record.Length && record[i] == (byte)'"')
                    {
                        _fields[output++] = (byte)'"';
                        i++;
                        continue;
                    }
                    break;
                }
                // Anything between the closing quote and the comma is kept, as spreadsheets do.
                var tail = record[Math.Min(i, record.Length)..].IndexOf((byte)',');
                var rest = tail < 0 ? record.Length - Math.Min(i, record.Length) : tail;
                if (rest > 0)
                {
                    record.Slice(i, rest).CopyTo(_fields.AsSpan(output));
                    output += rest;
                }
                i = Math.Min(i, record.Length) + rest;
            }
            else
            {
                var comma = record[i..].IndexOf((byte)',');
                var length = comma < 0 ? record.Length - i : comma;
                record.Slice(i, length).CopyTo(_fields.AsSpan(output));
                output += length;
                i += length;
            }
            _ranges.Add((fieldStart, output - fieldStart));
            if (i >= record.Length) return;
            i++; // the comma
            if (i == record.Length)
            {
                _ranges.Add((output, 0));
                return;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
