using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Organisations;

public sealed record OrganisationRow(int Id, string Name, OrganisationKind Kind, int Users, DateTime CreatedAt);

public sealed record OrganisationFilter(ListQuery List, OrganisationKind? Kind)
{
    public static readonly string[] Sorts = ["name", "kind", "users", "added"];

    public static OrganisationFilter From(IQueryCollection q) => new(
        ListQuery.From(q, Sorts, "name"),
        OrganisationForms.ParseKind(q["kind"]));

    public string Describe() => $"kind={Kind?.ToString() ?? "all"}; {List.Describe()}";

    public IQueryable<OrganisationRow> Apply(CohesionDb db)
    {
        var orgs = db.Organisations.AsNoTracking();
        if (List.Search is { } s)
        {
            var lower = s.ToLowerInvariant();
            orgs = orgs.Where(o => o.Name.ToLower().Contains(lower));
        }
        if (Kind is { } kind) orgs = orgs.Where(o => o.Kind == kind);
        var rows = orgs.Select(o => new { o.Id, o.Name, o.Kind, o.CreatedAt, Users = db.Users.Count(u => u.OrganisationId == o.Id) });
        var d = List.Descending;
        var sorted = List.Sort switch
        {
            "kind" => rows.SortBy(o => o.Kind, d),
            "users" => rows.SortBy(o => o.Users, d),
            "added" => rows.SortBy(o => o.CreatedAt, d),
            _ => rows.SortBy(o => o.Name, d),
        };
        return sorted.ThenBy(o => o.Name).Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.Users, o.CreatedAt));
    }
}

public sealed class OrganisationsIndexModel(CohesionDb db) : AdminPage
{
    public const int PageSize = 50;
    public OrganisationFilter Filter { get; private set; } = null!;
    public Paged<OrganisationRow> Organisations { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = OrganisationFilter.From(Request.Query);
        Organisations = await Filter.Apply(db).ToPagedAsync(Filter.List.Page, PageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var filter = OrganisationFilter.From(Request.Query);
        var (rows, truncated) = await AdminExport.RowsAsync(filter.Apply(db), ct);
        var table = new ExportTable("Organisations", ["name", "kind", "users", "added_utc"],
            rows.Select(r => new object?[] { r.Name, r.Kind.ToString(), r.Users, UkTime.Iso(r.CreatedAt) }).ToList(),
            AdminExport.About(filter.Describe(), rows.Count, truncated));
        return await AdminExport.FileAsync(HttpContext, db, table, "organisations", format!, filter.Describe(), ct);
    }
}
