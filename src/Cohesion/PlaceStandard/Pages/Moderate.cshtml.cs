using System.Globalization;
using Cohesion.Admin;
using Cohesion.Analytics.Disclosure;
using Cohesion.Data;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Pages;

/// <summary>A comment as a moderator sees it: where the screen found personal data, and a redacted version to start from.</summary>
public sealed record ModerationItem(long Id, int Theme, CommentKind Kind, string Text, ModerationState State, IReadOnlyList<PersonalDataKind> Found, string Suggested, DateTime? ModeratedAt, string? ModeratedBy);

/// <summary>
/// /place-standard/{name}/moderate: the engagement's comments, waiting ones first with what the personal-data screen
/// found; approve, publish redacted, or reject each; approve at once every waiting comment in which nothing was found.
/// </summary>
public sealed class PlaceStandardModerateModel(CohesionDb db) : EngagementStaffPage(db)
{
    public const int PageSize = 25;
    public static readonly (string Key, string Label)[] Filters =
        [("waiting", "Waiting"), ("flagged", "Waiting, personal data found"), ("approved", "Approved"), ("redacted", "Published redacted"), ("rejected", "Rejected"), ("all", "All")];

    public string Filter { get; private set; } = "waiting";
    public Paged<ModerationItem> Items { get; private set; } = null!;
    public Dictionary<string, int> Counts { get; private set; } = [];
    /// <summary>A redaction the moderator typed that was refused, kept so the form shows it with the error.</summary>
    public (long Id, string Text)? Rejected { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? state, int? page, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        await ListAsync(state, page ?? 1, ct);
        return Page();
    }

    async Task ListAsync(string? state, int page, CancellationToken ct)
    {
        Filter = Filters.Any(f => f.Key == state) ? state! : "waiting";
        var all = Db.PsComments.AsNoTracking().Where(c => c.Assessment!.EngagementId == Engagement.Id);
        var byState = await all.GroupBy(c => new { c.State, Flagged = c.Flags != "" }).Select(g => new { g.Key.State, g.Key.Flagged, N = g.Count() }).ToListAsync(ct);
        Counts = Filters.ToDictionary(f => f.Key, f => byState.Where(x => Matches(f.Key, x.State, x.Flagged)).Sum(x => x.N));
        var q = Filter switch
        {
            "waiting" => all.Where(c => c.State == ModerationState.Pending),
            "flagged" => all.Where(c => c.State == ModerationState.Pending && c.Flags != ""),
            "approved" => all.Where(c => c.State == ModerationState.Approved),
            "redacted" => all.Where(c => c.State == ModerationState.Redacted),
            "rejected" => all.Where(c => c.State == ModerationState.Rejected),
            _ => all,
        };
        // Waiting comments with personal data found come first: they are the ones that must not slip through.
        var paged = await q.OrderByDescending(c => c.Flags != "").ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Theme, c.Kind, c.Text, c.State, c.ModeratedAt, c.ModeratedBy }).ToPagedAsync(page, PageSize, ct);
        Items = new Paged<ModerationItem>(paged.Items.Select(c => new ModerationItem(c.Id, c.Theme, c.Kind, c.Text, c.State,
            PersonalDataScreen.Kinds(c.Text), PersonalDataScreen.Redact(c.Text), c.ModeratedAt, c.ModeratedBy)).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    static bool Matches(string filter, ModerationState s, bool flagged) => filter switch
    {
        "waiting" => s == ModerationState.Pending,
        "flagged" => s == ModerationState.Pending && flagged,
        "approved" => s == ModerationState.Approved,
        "redacted" => s == ModerationState.Redacted,
        "rejected" => s == ModerationState.Rejected,
        _ => true,
    };

    async Task<ThemeComment?> CommentAsync(long id, CancellationToken ct) =>
        await Db.PsComments.FirstOrDefaultAsync(c => c.Id == id && c.Assessment!.EngagementId == Engagement.Id, ct);

    IActionResult Back(string? state) => Redirect(QueryLinks.With($"{Base}/moderate", new QueryCollection(), ("state", state)));

    public async Task<IActionResult> OnPostApproveAsync(string name, long id, string? state, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (await CommentAsync(id, ct) is not { } c) return NotFound();
        Moderation.Approve(Db, c, Engagement.Name, Actor, Ip);
        await Db.SaveChangesAsync(ct);
        Notice("Comment approved: it is published");
        return Back(state);
    }

    public async Task<IActionResult> OnPostRedactAsync(string name, long id, string? text, string? state, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (await CommentAsync(id, ct) is not { } c) return NotFound();
        if (Moderation.Redact(Db, c, text, Engagement.Name, Actor, Ip) is { } problem)
        {
            Fail($"text-{id.ToString(CultureInfo.InvariantCulture)}", problem);
            Rejected = (id, text ?? "");
            await ListAsync(state, 1, ct);
            return Page();
        }
        await Db.SaveChangesAsync(ct);
        Notice("Comment published with the personal data removed");
        return Back(state);
    }

    public async Task<IActionResult> OnPostRejectAsync(string name, long id, string? state, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (await CommentAsync(id, ct) is not { } c) return NotFound();
        Moderation.Reject(Db, c, Engagement.Name, Actor, Ip);
        await Db.SaveChangesAsync(ct);
        Notice("Comment rejected: its text is deleted and it will not be published");
        return Back(state);
    }

    public async Task<IActionResult> OnPostApproveCleanAsync(string name, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        var n = await Moderation.ApproveCleanAsync(Db, Engagement, Actor, Ip, ct);
        Notice($"{n:N0} comments approved; comments with personal data found still wait");
        return Back(null);
    }
}
