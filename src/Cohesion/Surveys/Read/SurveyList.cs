using Cohesion.Admin;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Sharing;
using Cohesion.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Surveys.Read;

/// <summary>A survey in the list: what it is, where and when, its state and how many responses it has.</summary>
public sealed record SurveyRow(string Name, string Title, string Description, string AreaCode, string AreaName, AreaLevel ResidenceLevel,
    string Period, int OwnerOrganisationId, string Owner, bool Open, bool Published, bool Synthetic, int Responses)
{
    public string Status => (Open ? "open" : "closed") + (Published ? ", published" : ", not published");
}

/// <summary>The surveys a viewer may see, for the list page and its download.</summary>
public static class SurveyList
{
    public static async Task<List<SurveyRow>> LoadAsync(CohesionDb db, Viewer viewer, CancellationToken ct) =>
        await (from s in SurveyAccess.Visible(db, viewer)
               join a in db.Areas on s.AreaId equals a.Id
               join o in db.Organisations on s.OwnerOrganisationId equals o.Id
               select new SurveyRow(s.Name, s.Title, s.Description, a.Code, a.Name, s.ResidenceLevel, s.Period, s.OwnerOrganisationId, o.Name, s.IsOpen, s.IsPublished, s.IsSynthetic,
                   db.SurveyResponses.Count(r => r.SurveyId == s.Id))).ToListAsync(ct);
}

/// <summary>The survey list's search, filters, sort and page, read leniently from the query string (they come from links).</summary>
public sealed record SurveyQuery(string? Search, string? Period, string? Status, string Sort, bool Descending, int Page)
{
    public const int PageSize = 25, MaxSearch = 100;
    public static readonly string[] Sorts = ["title", "area", "period", "responses"];
    /// <summary>open/closed to responses; published/unpublished results; synthetic (demo) data.</summary>
    public static readonly string[] Statuses = ["open", "closed", "published", "unpublished", "synthetic"];

    public static SurveyQuery From(IQueryCollection q)
    {
        var list = ListQuery.From(q, Sorts, "period", defaultDescending: true);
        var status = q["status"].ToString();
        return new SurveyQuery(list.Search is { } s ? s[..Math.Min(s.Length, MaxSearch)] : null,
            ListQuery.Text(q["period"], SurveyLimits.PeriodLength), Statuses.Contains(status) ? status : null, list.Sort, list.Descending, list.Page);
    }

    public List<SurveyRow> Apply(IEnumerable<SurveyRow> rows)
    {
        var q = rows;
        if (Search is { } s)
            q = q.Where(r => r.Title.Contains(s, StringComparison.OrdinalIgnoreCase) || r.AreaName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || r.Name.Contains(s, StringComparison.OrdinalIgnoreCase) || r.AreaCode.Equals(s, StringComparison.OrdinalIgnoreCase));
        if (Period is { } p) q = q.Where(r => r.Period == p);
        q = Status switch
        {
            "open" => q.Where(r => r.Open),
            "closed" => q.Where(r => !r.Open),
            "published" => q.Where(r => r.Published),
            "unpublished" => q.Where(r => !r.Published),
            "synthetic" => q.Where(r => r.Synthetic),
            _ => q,
        };
        Func<SurveyRow, IComparable> key = Sort switch
        {
            "title" => r => r.Title.ToLowerInvariant(),
            "area" => r => r.AreaName.ToLowerInvariant(),
            "responses" => r => r.Responses,
            _ => r => r.Period,
        };
        var sorted = Descending ? q.OrderByDescending(key) : q.OrderBy(key);
        return sorted.ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public string Describe() =>
        $"search={Search ?? "none"}; period={Period ?? "all"}; status={Status ?? "all"}; sort={Sort} {(Descending ? "descending" : "ascending")}";
}
