using System.Globalization;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Admin.Users;

public sealed record UserRow(int Id, string Email, string DisplayName, string Organisation, Role Role, bool Disabled, DateTime? LockedUntil, DateTime? LastSignInAt, bool MustChangePassword)
{
    public UserStatus Status(DateTime now) => UserAdmin.Status(Disabled, LockedUntil, now);
}

/// <summary>The users list's filters; unknown values are ignored rather than refused (they come from links).</summary>
public sealed record UserFilter(ListQuery List, int? OrganisationId, Role? Role, UserStatus? Status)
{
    public static readonly string[] Sorts = ["email", "name", "organisation", "role", "status", "last-sign-in"];

    public static UserFilter From(IQueryCollection q) => new(
        ListQuery.From(q, Sorts, "email"),
        int.TryParse(q["organisation"], NumberStyles.None, CultureInfo.InvariantCulture, out var org) ? org : null,
        Enum.TryParse<Role>(q["role"], true, out var role) && Enum.IsDefined(role) ? role : null,
        Enum.TryParse<UserStatus>(q["status"], true, out var status) && Enum.IsDefined(status) ? status : null);

    public string Describe(string? organisationName) =>
        $"organisation={organisationName ?? "all"}; role={Role?.ToString() ?? "all"}; status={Status?.ToString() ?? "all"}; {List.Describe()}";

    /// <summary>Filtered and sorted in the database; the e-mail (unique) breaks ties so pages do not overlap.</summary>
    public IQueryable<UserRow> Apply(CohesionDb db, DateTime now)
    {
        var users = db.Users.AsNoTracking();
        if (List.Search is { } s)
        {
            var lower = s.ToLowerInvariant();
            users = users.Where(u => u.Email.Contains(lower) || u.DisplayName.ToLower().Contains(lower));
        }
        if (OrganisationId is { } org) users = users.Where(u => u.OrganisationId == org);
        if (Role is { } role) users = users.Where(u => u.Role == role);
        users = Status switch
        {
            UserStatus.Disabled => users.Where(u => u.Disabled),
            UserStatus.Locked => users.Where(u => !u.Disabled && u.LockedUntil != null && u.LockedUntil > now),
            UserStatus.Active => users.Where(u => !u.Disabled && (u.LockedUntil == null || u.LockedUntil <= now)),
            _ => users,
        };
        var d = List.Descending;
        var sorted = List.Sort switch
        {
            "name" => users.SortBy(u => u.DisplayName, d),
            "organisation" => users.SortBy(u => u.Organisation!.Name, d),
            "role" => users.SortBy(u => u.Role == Accounts.Role.Admin ? 3 : u.Role == Accounts.Role.Analyst ? 2 : u.Role == Accounts.Role.Contributor ? 1 : 0, d),
            "status" => users.SortBy(u => u.Disabled ? 2 : u.LockedUntil != null && u.LockedUntil > now ? 1 : 0, d),
            // Never signed in sorts before any date, the same on both databases.
            "last-sign-in" => users.SortBy(u => u.LastSignInAt == null ? 0 : 1, d).ThenSortBy(u => u.LastSignInAt, d),
            _ => users.SortBy(u => u.Email, d),
        };
        return sorted.ThenBy(u => u.Email)
            .Select(u => new UserRow(u.Id, u.Email, u.DisplayName, u.Organisation!.Name, u.Role, u.Disabled, u.LockedUntil, u.LastSignInAt, u.MustChangePassword));
    }
}

public sealed class UsersIndexModel(CohesionDb db) : AdminPage
{
    public const int PageSize = 50;
    public UserFilter Filter { get; private set; } = null!;
    public Paged<UserRow> Users { get; private set; } = null!;
    public List<Choice> OrganisationChoices { get; private set; } = [];
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = UserFilter.From(Request.Query);
        OrganisationChoices = [new("", "All organisations"), .. (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];
        Users = await Filter.Apply(db, Now).ToPagedAsync(Filter.List.Page, PageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!AdminExport.IsFormat(format)) return NotFound();
        var filter = UserFilter.From(Request.Query);
        var (rows, truncated) = await AdminExport.RowsAsync(filter.Apply(db, Now), ct);
        var orgName = filter.OrganisationId is { } id ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        var filters = filter.Describe(orgName);
        var table = new ExportTable("Users",
            ["email", "name", "organisation", "role", "status", "must_change_password", "last_sign_in_utc"],
            rows.Select(r => new object?[] { r.Email, r.DisplayName, r.Organisation, r.Role.ToString(), r.Status(Now).ToString(), r.MustChangePassword ? "yes" : "no", UkTime.Iso(r.LastSignInAt) }).ToList(),
            AdminExport.About(filters, rows.Count, truncated));
        return await AdminExport.FileAsync(HttpContext, db, table, "users", format!, filters, ct);
    }
}
