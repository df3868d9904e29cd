using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Read;

/// <summary>What is said about an engagement wherever it is shown: pages, the API, the notes of every download.</summary>
public sealed record EngagementSummary(string Name, string Title, string Description, string AreaCode, string AreaName, string AreaLevel, string Period,
    string Owner, bool Open, bool Published, bool Synthetic);

/// <summary>An engagement with its assessments and results, as one viewer may see them.</summary>
public sealed record EngagementView(Engagement Engagement, EngagementSummary Summary, AssessmentSet Set, ThemeResults Results, int MinimumBase)
{
    /// <summary>
    /// The engagement by name with its results, or null when there is none the viewer may see (a 404 for them,
    /// so an unpublished engagement's existence is not disclosed either).
    /// </summary>
    public static async Task<EngagementView?> LoadAsync(CohesionDb db, string name, Viewer viewer, int minimumBase, CancellationToken ct)
    {
        if (await PlaceStandardAccess.FindAsync(db, name, viewer, ct) is not { } e) return null;
        var owner = await OwnerAsync(db, e, ct);
        var set = await AssessmentSet.LoadAsync(db, e.Id, ct);
        return new EngagementView(e, Summarise(e, owner), set, PlaceStandardResults.Of(set, minimumBase), minimumBase);
    }

    public static Task<string> OwnerAsync(CohesionDb db, Engagement e, CancellationToken ct) =>
        db.Organisations.Where(o => o.Id == e.OwnerOrganisationId).Select(o => o.Name).FirstAsync(ct);

    public static EngagementSummary Summarise(Engagement e, string owner) => new(e.Name, e.Title, e.Description, e.Area!.Code, e.Area.Name,
        e.Area.Level.Token(), e.Period, owner, e.IsOpen, e.IsPublished, e.IsSynthetic);

    public IReadOnlyList<GroupResult> By(Cohesion.PlaceStandard.RespondentGroups.Breakdown b) => PlaceStandardResults.By(Set, b, MinimumBase);
}

/// <summary>An engagement in a list, with how many have taken part.</summary>
public sealed record EngagementRow(EngagementSummary Summary, int Assessments, int People);

/// <summary>The engagements a viewer may see, for the list page, its download and the API.</summary>
public static class EngagementList
{
    public static async Task<List<EngagementRow>> LoadAsync(CohesionDb db, Viewer viewer, CancellationToken ct)
    {
        var rows = await (from e in PlaceStandardAccess.Visible(db, viewer).Include(e => e.Area)
                          join o in db.Organisations on e.OwnerOrganisationId equals o.Id
                          select new
                          {
                              Engagement = e, Owner = o.Name,
                              Assessments = db.PsAssessments.Count(a => a.EngagementId == e.Id),
                              People = db.PsAssessments.Where(a => a.EngagementId == e.Id).Sum(a => (int?)a.Participants) ?? 0,
                          }).ToListAsync(ct);
        return rows.Select(r => new EngagementRow(EngagementView.Summarise(r.Engagement, r.Owner), r.Assessments, r.People)).ToList();
    }
}

/// <summary>A published comment: approved as written or with its personal data removed.</summary>
public sealed record PublishedComment(long Id, int Theme, CommentKind Kind, string Text, bool Redacted);

/// <summary>
/// The comments anyone who can see the engagement may read: approved or redacted only, never one waiting for a
/// moderator or rejected. Searchable by words, theme and kind.
/// </summary>
public static class CommentList
{
    public const int MaxSearch = 100;

    public static IQueryable<PublishedComment> Published(CohesionDb db, int engagementId, int? theme, CommentKind? kind, string? search)
    {
        var q = db.PsComments.AsNoTracking().Where(c => c.Assessment!.EngagementId == engagementId && (c.State == ModerationState.Approved || c.State == ModerationState.Redacted));
        if (theme is { } t) q = q.Where(c => c.Theme == t);
        if (kind is { } k) q = q.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLowerInvariant();
            if (s.Length > MaxSearch) s = s[..MaxSearch];
            q = q.Where(c => c.Text.ToLower().Contains(s));
        }
        return q.OrderBy(c => c.Theme).ThenBy(c => c.Kind).ThenBy(c => c.Id)
            .Select(c => new PublishedComment(c.Id, c.Theme, c.Kind, c.Text, c.State == ModerationState.Redacted));
    }

    public static CommentKind? ParseKind(string? s) => s switch { "good_now" or "good-now" => CommentKind.GoodNow, "could_be_better" or "could-be-better" => CommentKind.CouldBeBetter, _ => null };

    public static string Code(CommentKind k) => k == CommentKind.GoodNow ? "good_now" : "could_be_better";

    public static string Label(CommentKind k) => k == CommentKind.GoodNow ? PlaceStandardThemes.GoodNowPrompt : PlaceStandardThemes.CouldBeBetterPrompt;
}
