using System.Globalization;
using Cohesion.Data;
using Cohesion.Sharing;
using Cohesion.Surveys.Read;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys: the surveys the viewer may see, searchable, filterable, sortable, paged and downloadable; staff start one here.</summary>
public sealed class SurveysIndexModel(CohesionDb db) : PageModel
{
    public const string Path = "/surveys";

    public SurveyQuery Query { get; private set; } = null!;
    public Paged<SurveyRow> Rows { get; private set; } = null!;
    public IReadOnlyList<string> Periods { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsStaff { get; private set; }
    public bool SignedIn { get; private set; }
    int? _organisation;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = SurveyQuery.From(Request.Query);
        var viewer = Viewer.Of(User);
        var all = await SurveyList.LoadAsync(db, viewer, ct);
        Total = all.Count;
        Periods = all.Select(r => r.Period).Distinct().OrderDescending(StringComparer.Ordinal).ToList();
        Rows = Paged<SurveyRow>.Of(Query.Apply(all), Query.Page, SurveyQuery.PageSize);
        IsStaff = SurveyAccess.IsStaff(User);
        SignedIn = viewer.SignedIn;
        _organisation = viewer.OrganisationId;
    }

    /// <summary>Whether the viewer runs this survey: staff of its owner organisation.</summary>
    public bool CanManage(SurveyRow r) => IsStaff && r.OwnerOrganisationId == _organisation;

    public string PageLink(int page) => QueryLinks.With(Path, Request.Query, ("page", page.ToString(CultureInfo.InvariantCulture)));
    public string ExportLink(string format) => QueryLinks.With($"{Path}/export.{format}", Request.Query, ("page", null));
    public static string Link(string name, string? rest = null) => $"{Path}/{Uri.EscapeDataString(name)}{rest}";
}
