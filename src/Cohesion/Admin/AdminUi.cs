using System.Globalization;
using System.Linq.Expressions;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin;

/// <summary>Common to the admin pages: form errors, the success notice, and who is acting.</summary>
public abstract class AdminPage : PageModel
{
    public List<FieldError> Errors { get; } = [];
    public FieldError? Error(string field) => Errors.FirstOrDefault(e => e.FieldId == field);
    protected void Fail(string field, string message) => Errors.Add(new FieldError(field, message));
    protected string Actor => HttpContext.Actor();
    protected string Ip => HttpContext.Ip();

    /// <summary>Shown once, on the next page (TempData), as a GOV.UK success banner.</summary>
    protected void Notice(string text) => TempData["AdminNotice"] = text;

    /// <summary>A page showing a one-time password must not be kept by a browser or proxy cache.</summary>
    protected void DoNotStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }

    public string Link(params (string, string?)[] changes) => QueryLinks.With(Request.Path, Request.Query, changes);
    public string PageLink(int page) => Link(("page", page.ToString(CultureInfo.InvariantCulture)));
    public string ExportLink(string format) => Link(("handler", "export"), ("format", format), ("page", null));
}

/// <summary>Search, sort and page of an admin list, parsed leniently from the query string.</summary>
public sealed record ListQuery(string? Search, string Sort, bool Descending, int Page)
{
    public const int MaxSearch = 254;

    public static ListQuery From(IQueryCollection q, IReadOnlyCollection<string> sorts, string defaultSort, bool defaultDescending = false)
    {
        var sort = q["sort"].ToString();
        if (!sorts.Contains(sort)) sort = defaultSort;
        var dir = q["dir"].ToString();
        var descending = dir == "desc" || (dir.Length == 0 && sort == defaultSort && defaultDescending);
        int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        return new ListQuery(Text(q["q"], MaxSearch), sort, descending, Math.Max(1, page));
    }

    /// <summary>A trimmed, bounded text filter, or null when empty.</summary>
    public static string? Text(string? value, int max)
    {
        var s = value?.Trim() ?? "";
        return s.Length == 0 ? null : s.Length > max ? s[..max] : s;
    }

    public string Describe() => $"search={Search ?? "none"}; sort={Sort} {(Descending ? "descending" : "ascending")}";
}

public static class Queries
{
    /// <summary>Counts and fetches one page in the database; a page past the end shows the last page.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int size, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        var items = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, page, size, total);
    }

    public static IOrderedQueryable<T> SortBy<T, TKey>(this IQueryable<T> q, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? q.OrderByDescending(key) : q.OrderBy(key);

    public static IOrderedQueryable<T> ThenSortBy<T, TKey>(this IOrderedQueryable<T> q, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? q.ThenByDescending(key) : q.ThenBy(key);
}

/// <summary>
/// Times are stored in UTC and shown in UK time (GMT or BST) as dd/MM/yyyy HH:mm; date filters mean UK days.
/// Exports use ISO 8601 UTC so a spreadsheet or script reads them without guessing.
/// </summary>
public static class UkTime
{
    /// <summary>Europe/London (GMT or BST); UTC where the system has no time zone data.</summary>
    public static readonly TimeZoneInfo Zone = Find();
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    public static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime? utc, string none = "Never") => utc is { } t ? ToUk(t).ToString("dd/MM/yyyy HH:mm", EnGb) : none;

    public static string Iso(DateTime? utc) => utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>The UTC instant of a UK wall-clock time; the hour the clocks skip in March does not exist, so it is read as the hour after.</summary>
    public static DateTime FromUk(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>The UTC instant a UK calendar day starts.</summary>
    public static DateTime StartOfDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    public static DateOnly Today => DateOnly.FromDateTime(ToUk(DateTime.UtcNow));
}

/// <summary>CSV and xlsx downloads of admin tables; every download is audited before the file is sent.</summary>
public static class AdminExport
{
    /// <summary>More than this and the download says it is cut short: narrow the filters instead.</summary>
    public const int MaxRows = 100_000;

    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <summary>The rows to export, at most <see cref="MaxRows"/>, and whether there were more.</summary>
    public static async Task<(List<T> Rows, bool Truncated)> RowsAsync<T>(IQueryable<T> query, CancellationToken ct)
    {
        var rows = await query.Take(MaxRows + 1).ToListAsync(ct);
        var truncated = rows.Count > MaxRows;
        if (truncated) rows.RemoveAt(rows.Count - 1);
        return (rows, truncated);
    }

    public static async Task<IActionResult> FileAsync(HttpContext http, CohesionDb db, ExportTable table, string name, string format, string filters, CancellationToken ct)
    {
        db.Record(http.Actor(), AuditActions.Export, $"{name}.{format}", $"{table.Rows.Count} rows; {filters}", http.Ip());
        await db.SaveChangesAsync(ct);
        var file = $"cohesion-{name}.{format}";
        return format == "csv"
            ? new FileContentResult(TableExport.Csv(table), "text/csv; charset=utf-8") { FileDownloadName = file }
            : new FileContentResult(TableExport.Xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = file };
    }

    public static List<(string, string)> About(string filters, int rows, bool truncated) =>
    [
        ("Filters", filters),
        ("Rows", rows.ToString(CultureInfo.InvariantCulture) + (truncated ? $" (cut short at {MaxRows:N0}: narrow the filters to get the rest)" : "")),
        ("Times", "UTC, ISO 8601"),
        ("Exported", UkTime.Format(DateTime.UtcNow) + " UK time"),
    ];
}
