using System.Globalization;
using Cohesion.Assets.Model;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Imports;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Assets.Csv;

/// <summary>What a file's cells are checked against: the seeded terms by code, partner organisations by name, and today.</summary>
public sealed record AssetCsvTarget(IReadOnlyDictionary<(Guid Taxonomy, string Code), Guid> Terms, IReadOnlyDictionary<string, int> Maintainers, DateOnly Today)
{
    public static async Task<AssetCsvTarget> LoadAsync(CohesionDb db, CancellationToken ct)
    {
        var taxonomies = new[] { CohesionTaxonomy.ActivityId, CohesionTaxonomy.AudienceId };
        var terms = await db.AssetTaxonomyTerms.AsNoTracking().Where(t => taxonomies.Contains(t.TaxonomyId)).Select(t => new { t.TaxonomyId, t.Code, t.Id }).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().Select(o => new { o.Name, o.Id }).ToListAsync(ct);
        return new AssetCsvTarget(terms.ToDictionary(t => (t.TaxonomyId, t.Code), t => t.Id),
            orgs.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase),
            DateOnly.FromDateTime(DateTime.UtcNow));
    }
}

/// <summary>
/// Reads and checks an asset CSV (<see cref="AssetCsv.Columns"/>, in that order) through <see cref="StrictCsv"/>: every
/// cell of every row, collecting up to 50 problems, each with the file, line, column and value, so a bad file is fixed
/// in one go. Nothing is written here; <see cref="AssetCsvImport"/> writes a file that passed, all or nothing.
/// </summary>
public static class AssetCsvReader
{
    public static List<AssetCsvRow> Read(string path, AssetCsvTarget target)
    {
        using var csv = StrictCsv.Open(path, AssetLimits.DescriptionLength + 1);
        csv.RequireHeader(AssetCsv.Columns);
        var errors = new ImportErrors(csv.FileName);
        var rows = new List<AssetCsvRow>();
        var ids = new Dictionary<Guid, long>();
        while (csv.Read())
        {
            if (rows.Count + errors.Count >= AssetCsv.MaxRows)
            {
                errors.Add(csv.Line, null, null, $"a file may hold at most {AssetCsv.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} records: split it");
                break;
            }
            var r = csv.Record;
            if (r.Length != AssetCsv.Columns.Length)
            {
                errors.Add(csv.Line, null, null, $"the line has {r.Length} fields; the header has {AssetCsv.Columns.Length}");
                continue;
            }
            var before = errors.Count;
            var row = Row(new Cells(r, csv.Line, errors), target);
            if (row.Id is { } id)
            {
                if (ids.TryGetValue(id, out var first)) errors.Add(csv.Line, "id", id.ToString(), $"the same id is on line {first}: each record once");
                else ids[id] = csv.Line;
            }
            if (errors.Count == before) rows.Add(row);
        }
        errors.ThrowIfAny();
        if (rows.Count == 0) throw ImportFailedException.One(csv.FileName, null, null, null, "the file has a header but no records");
        return rows;
    }

    /// <summary>The cells of one line, read by column name, each problem reported with line, column and value.</summary>
    sealed class Cells(string[] fields, long line, ImportErrors errors)
    {
        public long Line => line;

        /// <summary>The cell, trimmed; an apostrophe the export put before = + - or @ (so spreadsheets do not run it as a formula) is taken off again.</summary>
        public string Raw(string column)
        {
            var v = fields[Array.IndexOf(AssetCsv.Columns, column)].Trim();
            return v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;
        }

        public void Fail(string column, string value, string message) => errors.Add(line, column, value, message);

        /// <summary>Text up to a length, without control characters (other than line breaks and tabs in long text); blank is null.</summary>
        public string? Text(string column, int max, bool required = false, bool multiline = false)
        {
            var v = Raw(column);
            if (v.Length == 0)
            {
                if (required) Fail(column, v, "is required");
                return null;
            }
            if (v.Length > max) { Fail(column, v, $"is {v.Length:N0} characters long; at most {max:N0}"); return null; }
            if (v.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))) { Fail(column, v, "holds a control character: remove it"); return null; }
            return v;
        }

        public int? Whole(string column, int min, int max)
        {
            var v = Raw(column);
            if (v.Length == 0) return null;
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                Fail(column, v, $"must be a whole number from {min} to {max:N0}");
                return null;
            }
            return n;
        }

        public double? Decimal(string column, double min, double max)
        {
            var v = Raw(column);
            if (v.Length == 0) return null;
            if (!double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) || x < min || x > max)
            {
                Fail(column, v, $"must be a decimal number from {min} to {max} (WGS84 degrees, a point for the decimals)");
                return null;
            }
            return x;
        }
    }

    static AssetCsvRow Row(Cells c, AssetCsvTarget target)
    {
        Guid? id = null;
        if (c.Raw("id") is { Length: > 0 } idText)
        {
            if (Guid.TryParseExact(idText, "D", out var g) && g != Guid.Empty) id = g;
            else c.Fail("id", idText, "must be a UUID like 6f1f4c1e-3b55-4a43-9c6e-0c5e7a7d2c01, or blank for a new record");
        }
        var kind = AssetCsv.ParseKind(c.Raw("kind"));
        if (kind is null) c.Fail("kind", c.Raw("kind"), "must be service, offer or space (blank is service)");
        var status = c.Raw("status") is { Length: > 0 } st ? AssetWords.ParseStatus(st) : ServiceStatus.Active;
        if (status is null) c.Fail("status", c.Raw("status"), "must be active, inactive, defunct or temporarily closed (blank is active)");

        var url = c.Text("url", AssetLimits.UrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            c.Fail("url", url, "must be a web address starting https:// or http://");
            url = null;
        }
        var email = c.Text("email", AssetLimits.EmailLength);
        if (email is not null && !(email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace)))
            c.Fail("email", email, "must be an email address like name@example.org");
        var phone = c.Text("phone", AssetLimits.PhoneLength);
        if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '+' or '(' or ')' or '-'))
            c.Fail("phone", phone, "must be a telephone number: digits, spaces, + ( ) and - only");

        var lat = c.Decimal("latitude", -90, 90);
        var lon = c.Decimal("longitude", -180, 180);
        if ((c.Raw("latitude").Length == 0) != (c.Raw("longitude").Length == 0))
            c.Fail(c.Raw("latitude").Length == 0 ? "latitude" : "longitude", "", "latitude and longitude go together: give both or neither");

        var terms = new Dictionary<string, List<Guid>>();
        foreach (var (column, taxonomy) in AssetCsv.TermColumns)
        {
            var list = new List<Guid>();
            foreach (var code in Split(c.Raw(column)))
            {
                if (target.Terms.TryGetValue((taxonomy, code.ToLowerInvariant()), out var termId)) { if (!list.Contains(termId)) list.Add(termId); }
                else c.Fail(column, code, $"is not a code of the {(taxonomy == CohesionTaxonomy.ActivityId ? CohesionTaxonomy.ActivityName : CohesionTaxonomy.AudienceName)} taxonomy (see the list in docs/assets.md)");
            }
            terms[column] = list;
        }
        var languages = new List<(string, string)>();
        foreach (var code in Split(c.Raw("languages")))
        {
            // Either ISO code is accepted and stored as the form stores it, so "urd" and "ur" are one language.
            if (AssetLanguages.Find(code) is { } language) { if (!languages.Any(l => l.Item1 == language.Code)) languages.Add((language.Code, language.Name)); }
            else c.Fail("languages", code, "is not an ISO 639 language code this directory knows (for example en, ur, bn, pa, pl, ar)");
        }
        var min = c.Whole("min_age", 0, AssetLimits.MaxAge);
        var max = c.Whole("max_age", 0, AssetLimits.MaxAge);
        if (min is { } lo && max is { } hi && lo > hi) c.Fail("max_age", c.Raw("max_age"), $"is below min_age ({lo})");
        var free = c.Raw("free").ToLowerInvariant() switch { "yes" or "y" or "true" => true, "no" or "n" or "false" or "" => (bool?)false, _ => null };
        if (free is null) c.Fail("free", c.Raw("free"), "must be yes or no");

        List<Schedule>? schedules = [];
        if (c.Raw("opening_times") is { Length: > 0 } times)
        {
            if (times.Length > 1000) c.Fail("opening_times", times, "is longer than 1,000 characters");
            else if ((schedules = OpeningTimes.Parse(times, out var why)) is null) c.Fail("opening_times", times, why!);
        }
        DateOnly? checkedOn = null;
        if (c.Raw("last_checked") is { Length: > 0 } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) c.Fail("last_checked", day, "must be a date as yyyy-mm-dd, for example 2025-06-30");
            else if (d > target.Today) c.Fail("last_checked", day, "is in the future");
            else checkedOn = d;
        }
        int? maintainer = null;
        if (c.Text("maintainer", AssetLimits.NameLength) is { } m)
        {
            if (target.Maintainers.TryGetValue(m, out var orgId)) maintainer = orgId;
            else c.Fail("maintainer", m, "is not a partner organisation in Cohesion (Administration → Organisations); leave it blank for the directory's own staff");
        }
        return new AssetCsvRow
        {
            Line = c.Line, Id = id, Kind = kind ?? AssetKind.Service, Name = c.Text("name", AssetLimits.NameLength, required: true) ?? "",
            Organisation = c.Text("organisation", AssetLimits.NameLength, required: true) ?? "", Description = c.Text("description", AssetLimits.DescriptionLength, multiline: true) ?? "",
            Url = url, Email = email, Phone = phone, Status = status ?? ServiceStatus.Active,
            Address1 = c.Text("address_1", AssetLimits.NameLength), Town = c.Text("town", AssetLimits.NameLength), Postcode = c.Text("postcode", AssetLimits.PostcodeLength)?.ToUpperInvariant(),
            Latitude = lon is null ? null : lat, Longitude = lat is null ? null : lon,
            ActivityTerms = terms["activity_terms"], AudienceTerms = terms["audience_terms"], Languages = languages,
            MinimumAge = min, MaximumAge = max, IsFree = free ?? false, Cost = c.Text("cost", AssetLimits.ShortTextLength),
            Schedules = schedules ?? [], Capacity = c.Whole("capacity", 1, 1_000_000), Booking = c.Text("booking", AssetLimits.ShortTextLength),
            LastChecked = checkedOn, MaintainerId = maintainer,
        };
    }

    static IEnumerable<string> Split(string cell) => cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
