using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cohesion.Tests.Infrastructure;

/// <summary>Reads a downloaded CSV (RFC 4180, quoted fields with commas) into rows of fields, header first.</summary>
public static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    public static async Task<List<string[]>> GetAsync(HttpClient http, string url)
    {
        var r = await http.GetAsync(url);
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode}");
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        return Parse(await r.Content.ReadAsStringAsync());
    }
}
