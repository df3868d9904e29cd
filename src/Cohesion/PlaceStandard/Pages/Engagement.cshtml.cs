using System.Globalization;
using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Cohesion.Sharing;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>/place-standard/{name}: an engagement's compass, scores, distribution, breakdown by group and published comments.</summary>
public sealed class PlaceStandardEngagementModel(CohesionDb db, IOptions<PlaceStandardOptions> options) : PageModel
{
    public const int CommentsPerPage = 50;

    public EngagementView View { get; private set; } = null!;
    public EngagementView? Other { get; private set; }
    public IReadOnlyList<EngagementRow> Choices { get; private set; } = [];
    public RespondentGroups.Breakdown Breakdown { get; private set; } = null!;
    public IReadOnlyList<GroupResult> Groups { get; private set; } = [];
    public Paged<PublishedComment> Comments { get; private set; } = null!;
    public int TotalComments { get; private set; }
    public PlaceStandardTheme? CommentTheme { get; private set; }
    public CommentKind? CommentKind { get; private set; }
    public string? Search { get; private set; }
    public bool CanManage { get; private set; }
    public int Waiting { get; private set; }

    public EngagementSummary S => View.Summary;
    public string Base => $"/place-standard/{Uri.EscapeDataString(S.Name)}";

    public async Task<IActionResult> OnGetAsync(string name, string? compare, string? by, string? theme, string? kind, string? q, int? page, CancellationToken ct)
    {
        var viewer = Viewer.Of(User);
        if (await EngagementView.LoadAsync(db, name, viewer, options.Value.MinimumBase, ct) is not { } v) return NotFound();
        View = v;
        var all = await EngagementList.LoadAsync(db, viewer, ct);
        // Other engagements to lay over this one: the same area's first (other years), then the rest.
        Choices = all.Where(r => r.Summary.Name != S.Name)
            .OrderByDescending(r => r.Summary.AreaCode == S.AreaCode).ThenBy(r => r.Summary.AreaName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Summary.Period, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(compare) && compare != name && Choices.Any(c => c.Summary.Name == compare))
            Other = await EngagementView.LoadAsync(db, compare, viewer, options.Value.MinimumBase, ct);

        Breakdown = PlaceStandardResults.Breakdown(by, v.Set) ?? PlaceStandardResults.Breakdown("kind", v.Set)!;
        Groups = v.By(Breakdown);

        CommentTheme = PlaceStandardThemes.Find(theme);
        CommentKind = CommentList.ParseKind(kind);
        Search = ListQuery.Text(q, CommentList.MaxSearch);
        TotalComments = await CommentList.Published(db, v.Engagement.Id, null, null, null).CountAsync(ct);
        Comments = await CommentList.Published(db, v.Engagement.Id, CommentTheme?.Number, CommentKind, Search).ToPagedAsync(page ?? 1, CommentsPerPage, ct);

        CanManage = PlaceStandardAccess.CanManage(v.Engagement, User);
        if (CanManage) Waiting = await db.PsComments.CountAsync(c => c.Assessment!.EngagementId == v.Engagement.Id && c.State == ModerationState.Pending, ct);
        return Page();
    }

    public Compass Compass => Other is { } o
        ? new Compass("compass", $"Place Standard compass: {S.Title} and {o.Summary.Title}", [new(Label(S), View.Results), new(Label(o.Summary), o.Results)], (0, 1))
        : new Compass("compass", $"Place Standard compass: {S.Title}", [new(Label(S), View.Results)]);

    /// <summary>A short name for a legend: area and period.</summary>
    public static string Label(EngagementSummary s) => $"{s.AreaName} {s.Period}";

    public string Link(params (string, string?)[] changes) => QueryLinks.With(Base, Request.Query, changes);
    public string CommentPageLink(int p) => Link(("page", p.ToString(CultureInfo.InvariantCulture))) + "#comments";

    public string Download(string table, string format, params (string, string?)[] query) => QueryLinks.With($"{Base}/{table}.{format}", new QueryCollection(), query);

    /// <summary>Hidden inputs that carry the other forms' choices, so one form does not reset another.</summary>
    public IEnumerable<(string Name, string Value)> Keep(params string[] names) =>
        names.Where(n => !string.IsNullOrEmpty(Request.Query[n])).Select(n => (n, Request.Query[n].ToString()));
}
