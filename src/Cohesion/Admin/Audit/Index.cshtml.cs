using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Audit;

/// <summary>A date typed into a GOV.UK date input, as typed (to show again) and as understood.</summary>
public sealed record TypedDate(string Id, string Name, string? Day, string? Month, string? Year)
{
    public bool Empty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static TypedDate From(IQueryCollection q, string id, string name) =>
        new(id, name, Part(q[$"{id}-day"]), Part(q[$"{id}-month"]), Part(q[$"{id}-year"]));

    static string? Part(string? s) => ListQuery.Text(s, 4);

    /// <summary>The date, or the GOV.UK error message for what is wrong with it.</summary>
    public (DateOnly? Date, string? Error) Parse()
    {
        if (Empty) return (null, null);
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0) return (null, $"{Name} must include a {string.Join(" and ", missing)}");
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || m is < 1 or > 12 || d < 1 || y is < 1000 or > 9999 || d > DateTime.DaysInMonth(y, m))
            return (null, $"{Name} must be a real date");
        return (new DateOnly(y, m, d), null);
    }
}

/// <summary>The audit log's filters. A date that cannot be understood is reported and left out of the filter.</summary>
public sealed class AuditFilter
{
    public static readonly string[] Sorts = ["at", "actor", "action"];
    public const int ActorMax = 254;
    public const int TargetMax = 500;

    public required ListQuery List { get; init; }
    public string? Action { get; init; }
    public string? Actor { get; init; }
    public string? Target { get; init; }
    public required TypedDate FromTyped { get; init; }
    public required TypedDate ToTyped { get; init; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public List<FieldError> Errors { get; } = [];

    public static AuditFilter Parse(IQueryCollection q)
    {
        var action = q["action"].ToString();
        var f = new AuditFilter
        {
            List = ListQuery.From(q, Sorts, "at", defaultDescending: true),
            Action = AuditActions.All.Contains(action) ? action : null,
            Actor = ListQuery.Text(q["actor"], ActorMax),
            Target = ListQuery.Text(q["target"], TargetMax),
            FromTyped = TypedDate.From(q, "from", "Date from"),
            ToTyped = TypedDate.From(q, "to", "Date to"),
        };
        (f.From, var fromError) = f.FromTyped.Parse();
        (f.To, var toError) = f.ToTyped.Parse();
        if (fromError is not null) f.Errors.Add(new FieldError("from-day", fromError));
        if (toError is not null) f.Errors.Add(new FieldError("to-day", toError));
        if (f.From is { } from && f.To is { } to && to < from)
        {
            f.Errors.Add(new FieldError("to-day", "Date to must be the same as or after date from"));
            f.To = null;
        }
        return f;
    }

    public FieldError? Error(string id) => Errors.FirstOrDefault(e => e.FieldId == id + "-day");

    public string Describe() =>
        $"action={Action ?? "all"}; actor={Actor ?? "any"}; target={Target ?? "any"}; from={From?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "start"}; " +
        $"to={To?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "now"} (UK days); sort={List.Sort} {(List.Descending ? "descending" : "ascending")}";

    /// <summary>Filtered, sorted and (by the caller) paged in the database; the id breaks ties between entries of the same instant.</summary>
    public IQueryable<AuditEntry> Apply(CohesionDb db)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (Action is { } action) q = q.Where(a => a.Action == action);
        if (Actor is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            q = q.Where(a => a.Actor.ToLower().Contains(lower));
        }
        if (Target is { } target)
        {
            var lower = target.ToLowerInvariant();
            q = q.Where(a => a.Target.ToLower().Contains(lower));
        }
        if (From is { } from)
        {
            var since = UkTime.StartOfDay(from);
            q = q.Where(a => a.At >= since);
        }
        if (To is { } to)
        {
            var before = UkTime.StartOfDay(to.AddDays(1));
            q = q.Where(a => a.At < before);
        }
        var d = List.Descending;
        return List.Sort switch
        {
            "actor" => q.SortBy(a => a.Actor, d).ThenByDescending(a => a.At).ThenByDescending(a => a.Id),
            "action" => q.SortBy(a => a.Action, d).ThenByDescending(a => a.At).ThenByDescending(a => a.Id),
            _ => q.SortBy(a => a.At, d).ThenSortBy(a => a.Id, d),
        };
    }
}

public sealed class AuditIndexModel(CohesionDb db) : AdminPage
{
    public const int PageSize = 50;
    public AuditFilter Filter { get; private set; } = null!;
    public Paged<AuditEntry> Entries { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = AuditFilter.Parse(Request.Query);
        Errors.AddRange(Filter.Errors);
        Entries = await Filter.Apply(db).ToPagedAsync(Filter.List.Page, PageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var filter = AuditFilter.Parse(Request.Query);
        var (rows, truncated) = await AdminExport.RowsAsync(filter.Apply(db), ct);
        var table = new ExportTable("Audit log", ["at_utc", "actor", "action", "target", "detail", "ip_address"],
            rows.Select(r => new object?[] { UkTime.Iso(r.At), r.Actor, r.Action, r.Target, r.Detail, r.IpAddress }).ToList(),
            AdminExport.About(filter.Describe(), rows.Count, truncated));
        return await AdminExport.FileAsync(HttpContext, db, table, "audit", format!, filter.Describe(), ct);
    }
}
