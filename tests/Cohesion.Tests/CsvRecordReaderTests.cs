using System.Text;
using Cohesion.Imports;
using Cohesion.Tests.Infrastructure;

namespace Cohesion.Tests;

/// <summary>The streaming CSV reader of the file-only verbs: quoting, line numbers, and the errors it reports.</summary>
public class CsvRecordReaderTests
{
    static List<(long Line, string[] Fields)> ReadAll(string path)
    {
        using var csv = CsvRecordReader.Open(path);
        var records = new List<(long, string[])> { (csv.Line, csv.Header) };
        while (csv.Read()) records.Add((csv.Line, Enumerable.Range(0, csv.FieldCount).Select(csv.Text).ToArray()));
        return records;
    }

    static readonly Comparer Same = new();

    sealed class Comparer : IEqualityComparer<(long, string[])>
    {
        public bool Equals((long, string[]) a, (long, string[]) b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2);
        public int GetHashCode((long, string[]) a) => a.Item1.GetHashCode();
    }

    [Fact]
    public void QuotedFieldsKeepCommasQuotesAndLineBreaksAndLinesAreCountedAcrossThem()
    {
        using var files = new Files();
        var path = files.WriteBytes("q.csv", Encoding.UTF8.GetBytes("\uFEFF\"LAD\",\"n\"\r\n\"Bristol, City of\",1\r\n\r\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\nlast,\n,\n\"end\""));
        var r = ReadAll(path);
        Assert.Equal(["LAD", "n"], r[0].Fields);
        Assert.Equal((2L, new[] { "Bristol, City of", "1" }), (r[1].Line, r[1].Fields), Same);
        Assert.Equal((4L, new[] { "say \"hi\"", "2" }), (r[2].Line, r[2].Fields), Same);
        Assert.Equal((5L, new[] { "two\nlines", "3" }), (r[3].Line, r[3].Fields), Same);
        Assert.Equal((7L, new[] { "last", "" }), (r[4].Line, r[4].Fields), Same);
        Assert.Equal((8L, new[] { "", "" }), (r[5].Line, r[5].Fields), Same);
        Assert.Equal((9L, new[] { "end" }), (r[6].Line, r[6].Fields), Same);
    }

    [Fact]
    public void RecordsLongerThanTheBufferAreReadWhole()
    {
        using var files = new Files();
        var big = new string('x', 600_000);
        var path = files.Write("big.csv", $"a,b\n\"{big}\",1\n{big},2\n");
        var r = ReadAll(path);
        Assert.Equal(3, r.Count);
        Assert.Equal(big, r[1].Fields[0]);
        Assert.Equal("2", r[2].Fields[1]);
    }

    [Fact]
    public void BrokenFilesAreRejectedWithTheirLine()
    {
        using var files = new Files();
        var e = Assert.Throws<ImportFailedException>(() => ReadAll(files.Write("open.csv", "a,b\n1,2\n\"3,4\n")));
        Assert.Equal("open.csv: line 3: a quoted field is not closed before the end of the file", e.Errors[0].ToString());
        var latin = Encoding.UTF8.GetBytes("a,b\n1,2\n").Concat(Encoding.Latin1.GetBytes("fran\u00e7ais,3\n")).ToArray();
        e = Assert.Throws<ImportFailedException>(() => ReadAll(files.WriteBytes("latin.csv", latin)));
        Assert.StartsWith("latin.csv: line 3: the line is not valid UTF-8", e.Errors[0].ToString());
        e = Assert.Throws<ImportFailedException>(() => ReadAll(files.Write("empty.csv", "")));
        Assert.Equal("empty.csv: the file is empty", e.Errors[0].ToString());
        e = Assert.Throws<ImportFailedException>(() => ReadAll(files.Write("long.csv", "a\n" + new string('y', 1_100_000))));
        Assert.Equal("long.csv: line 2: the line is longer than 1,048,576 bytes", e.Errors[0].ToString());
    }
}
