using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cohesion.Web;

/// <summary>A table to export: column headers, rows of cells (string, number or null), and notes (source, licence, filters).</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<(string Key, string Value)> About);

public static class TableExport
{
    /// <summary>RFC 4180 CSV in UTF-8 with BOM (so Excel reads it as UTF-8). Text that a spreadsheet would run
    /// as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: CSV injection.</summary>
    public static byte[] Csv(ExportTable t)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', t.Columns.Select(Quote)).Append("\r\n");
        foreach (var r in t.Rows) sb.AppendJoin(',', r.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    static string Cell(object? v) => v switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Defuse(v.ToString() ?? "")),
    };

    static string Defuse(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    static string Quote(string s) => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>An .xlsx workbook: the table on the first sheet, the notes (source, licence, filters) on 'About'.</summary>
    public static byte[] Xlsx(ExportTable t)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            AddSheet(wb, sheets, 1, "Data", [t.Columns.Cast<object?>().ToArray(), .. t.Rows]);
            AddSheet(wb, sheets, 2, "About", [["Title", t.Title], .. t.About.Select(a => new object?[] { a.Key, a.Value })]);
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    static void AddSheet(WorkbookPart wb, Sheets sheets, uint id, string name, IEnumerable<object?[]> rows)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var r in rows)
        {
            var row = new Row();
            foreach (var v in r)
            {
                row.Append(v switch
                {
                    null => new Cell(),
                    double d when double.IsFinite(d) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
                    long or int => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!) },
                    double => new Cell(),
                    _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) },
                });
            }
            data.Append(row);
        }
        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
