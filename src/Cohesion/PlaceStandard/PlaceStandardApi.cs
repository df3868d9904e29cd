using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.PlaceStandard.Read;
using Cohesion.Sharing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cohesion.PlaceStandard;

public sealed record ThemeInfo(int Number, string Code, string Name, string Question);
public sealed record ThemeCatalogue(string Scale, string Source, string Licence, string Note, IReadOnlyList<ThemeInfo> Themes);
public sealed record EngagementListItem(EngagementSummary Engagement, int Assessments, int People);
public sealed record ScoreShare(int Score, double? People, double? Percent);
/// <summary>One theme's figures; mean, median and distribution are null when withheld (fewer people than the minimum base), never zero.</summary>
public sealed record ThemeResultDto(int Number, string Code, string Name, int Assessments, double People, double? Mean, double? Median, bool Withheld, IReadOnlyList<ScoreShare> Distribution);
public sealed record ResultsAbout(int MinimumBase, string Weighting, string Withheld, string Source);
public sealed record EngagementResultsDto(EngagementSummary Engagement, ResultSummary Summary, ResultsAbout About, IReadOnlyList<ThemeResultDto> Themes);
public sealed record GroupResultsDto(string Code, string Label, ResultSummary Summary, IReadOnlyList<ThemeResultDto> Themes);
public sealed record BreakdownDto(EngagementSummary Engagement, string By, string Label, ResultsAbout About, IReadOnlyList<GroupResultsDto> Groups);
public sealed record CommentDto(string Theme, string Kind, string Text, bool Redacted);
public sealed record CommentsDto(EngagementSummary Engagement, int Total, int Page, int PageSize, IReadOnlyList<CommentDto> Comments);
public sealed record CompareThemeDto(int Number, string Code, string Name, IReadOnlyList<double?> Means);
public sealed record CompareDto(IReadOnlyList<EngagementSummary> Engagements, ResultsAbout About, IReadOnlyList<CompareThemeDto> Themes);

/// <summary>
/// Read API for Place Standard results under <c>/api/v1/place-standard</c>: the same figures as the pages, for the
/// same viewer (published engagements for everyone, the owner's unpublished ones for its users; others are 404).
/// </summary>
public static class PlaceStandardApi
{
    public const string Weighting = "individual assessments weigh 1; a group assessment weighs its number of participants";

    public static RouteGroupBuilder MapPlaceStandardApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/place-standard").WithTags("place-standard");
        g.MapGet("/themes", Themes).WithName("PlaceStandardThemes").WithSummary("The 14 themes with their questions, the scale, source and licence");
        g.MapGet("/engagements", List).WithName("PlaceStandardEngagements").WithSummary("Engagements you may see, with how many took part");
        g.MapGet("/engagements/{name}", Results).WithName("PlaceStandardResults").WithSummary("An engagement's mean, median, distribution and counts per theme");
        g.MapGet("/engagements/{name}/breakdown", Breakdown).WithName("PlaceStandardBreakdown").WithSummary("The results per group: by=kind|age_band|sex|ethnic_group|ethnic_group_detailed|disability|group_label");
        g.MapGet("/engagements/{name}/comments", Comments).WithName("PlaceStandardComments").WithSummary("Published (moderated) comments, by theme and kind, searchable");
        g.MapGet("/compare", Compare).WithName("PlaceStandardCompare").WithSummary("Mean score per theme for several engagements (places or years): engagements=a,b,c");
        return g;
    }

    internal static ResultsAbout About(int minimumBase) => new(minimumBase, Weighting,
        $"mean, median and distribution are null (shown as [c] on pages) when fewer than {minimumBase} people answered; counts are always given", PlaceStandardThemes.Source);

    internal static ThemeResultDto Theme(ThemeFigures t) => new(t.Theme.Number, t.Theme.Code, t.Theme.Name, t.Figures.Assessments, t.Figures.People,
        Round(t.Figures.Mean), Round(t.Figures.Median), t.Figures.Withheld,
        Enumerable.Range(0, 7).Select(k => new ScoreShare(k + 1, t.Figures.Distribution[k], Round(t.Figures.Percent[k]))).ToList());

    static double? Round(double? v) => v is { } x ? Math.Round(x, 3) : null;

    static ProblemHttpResult NotFound(string name) => TypedResults.Problem($"no Place Standard engagement '{name}' that you may see", statusCode: 404);

    static Ok<ThemeCatalogue> Themes() => TypedResults.Ok(new ThemeCatalogue(
        $"1 ({PlaceStandardThemes.LowLabel}) to 7 ({PlaceStandardThemes.HighLabel})", PlaceStandardThemes.Source, PlaceStandardThemes.Licence, PlaceStandardThemes.WordingNote,
        PlaceStandardThemes.All.Select(t => new ThemeInfo(t.Number, t.Code, t.Name, t.Question)).ToList()));

    static async Task<Ok<List<EngagementListItem>>> List(HttpContext http, CohesionDb db, CancellationToken ct) =>
        TypedResults.Ok((await EngagementList.LoadAsync(db, Viewer.Of(http.User), ct))
            .OrderBy(r => r.Summary.AreaName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Summary.Period, StringComparer.Ordinal)
            .Select(r => new EngagementListItem(r.Summary, r.Assessments, r.People)).ToList());

    static async Task<Results<Ok<EngagementResultsDto>, ProblemHttpResult>> Results(string name, HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        if (await EngagementView.LoadAsync(db, name, Viewer.Of(http.User), options.Value.MinimumBase, ct) is not { } v) return NotFound(name);
        return TypedResults.Ok(new EngagementResultsDto(v.Summary, v.Results.Summary, About(v.MinimumBase), v.Results.Themes.Select(Theme).ToList()));
    }

    static async Task<Results<Ok<BreakdownDto>, ProblemHttpResult>> Breakdown(string name, string? by, HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        if (await EngagementView.LoadAsync(db, name, Viewer.Of(http.User), options.Value.MinimumBase, ct) is not { } v) return NotFound(name);
        if (PlaceStandardResults.Breakdown(by ?? "kind", v.Set) is not { } b)
            return TypedResults.Problem($"unknown breakdown '{by}': use one of {string.Join(", ", PlaceStandardResults.BreakdownChoices.Select(c => c.Key))}", statusCode: 400);
        var groups = v.By(b).Select(g => new GroupResultsDto(g.Group.Code, g.Group.Label, g.Results.Summary, g.Results.Themes.Select(Theme).ToList())).ToList();
        return TypedResults.Ok(new BreakdownDto(v.Summary, b.Key, b.Label, About(v.MinimumBase), groups));
    }

    static async Task<Results<Ok<CommentsDto>, ProblemHttpResult>> Comments(string name, string? theme, string? kind, string? q, int? page, int? pageSize,
        HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        if (await PlaceStandardAccess.FindAsync(db, name, Viewer.Of(http.User), ct) is not { } e) return NotFound(name);
        var t = theme is null ? null : PlaceStandardThemes.Find(theme);
        if (theme is not null && t is null) return TypedResults.Problem($"unknown theme '{theme}': see /api/v1/place-standard/themes", statusCode: 400);
        var k = CommentList.ParseKind(kind);
        if (kind is not null && k is null) return TypedResults.Problem("kind is good_now or could_be_better", statusCode: 400);
        var size = Math.Clamp(pageSize ?? 100, 1, 1000);
        var query = CommentList.Published(db, e.Id, t?.Number, k, q);
        var paged = await query.ToPagedAsync(page ?? 1, size, ct);
        return TypedResults.Ok(new CommentsDto(EngagementView.Summarise(e, await EngagementView.OwnerAsync(db, e, ct)), paged.Total, paged.Page, size,
            paged.Items.Select(c => new CommentDto(PlaceStandardThemes.Get(c.Theme).Code, CommentList.Code(c.Kind), c.Text, c.Redacted)).ToList()));
    }

    static async Task<Results<Ok<CompareDto>, ProblemHttpResult>> Compare(string? engagements, HttpContext http, CohesionDb db, IOptions<PlaceStandardOptions> options, CancellationToken ct)
    {
        var names = (engagements ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (names.Count is < 1 or > Comparison.Max) return TypedResults.Problem($"give 1 to {Comparison.Max} engagement names: engagements=a,b", statusCode: 400);
        var views = await Comparison.LoadAsync(db, names, Viewer.Of(http.User), options.Value.MinimumBase, ct);
        if (views.Where(v => v.View is null).Select(v => v.Name).FirstOrDefault() is { } missing) return NotFound(missing);
        var loaded = views.Select(v => v.View!).ToList();
        return TypedResults.Ok(new CompareDto(loaded.Select(v => v.Summary).ToList(), About(options.Value.MinimumBase),
            PlaceStandardThemes.All.Select((t, i) => new CompareThemeDto(t.Number, t.Code, t.Name, loaded.Select(v => Round(v.Results.Themes[i].Figures.Mean)).ToList())).ToList()));
    }
}

/// <summary>Several engagements side by side (places, or one place in several years).</summary>
public static class Comparison
{
    /// <summary>The most a comparison lays over one another: beyond six a compass is unreadable.</summary>
    public const int Max = 6;

    public static async Task<List<(string Name, EngagementView? View)>> LoadAsync(CohesionDb db, IEnumerable<string> names, Viewer viewer, int minimumBase, CancellationToken ct)
    {
        var list = new List<(string, EngagementView?)>();
        foreach (var n in names) list.Add((n, await EngagementView.LoadAsync(db, n, viewer, minimumBase, ct)));
        return list;
    }
}
