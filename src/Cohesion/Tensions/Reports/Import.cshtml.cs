using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Reports;

/// <summary>/tensions/reports/import: an analyst uploads their organisation's reports as CSV; every row is checked and it is all or nothing.</summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
public sealed class ReportImportModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal) : ReportPage(db, places, options, signal)
{
    public const int MaxUpload = 50 * 1024 * 1024;
    public int ImportErrorsTotal { get; private set; }
    public bool DryRun { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        DryRun = dryRun;
        await LoadViewerAsync(ct);
        if (Viewer.OrganisationId is not { } org) return Forbid();
        if (Uploads.Problem(file, MaxUpload, "tension reports") is { } problem)
        {
            Fail("file", problem);
            return Page();
        }
        try
        {
            var r = await Uploads.WithSavedCopyAsync(file!, (path, fileName) =>
                ReportCsv.SaveAsync(Db, org, ReportCsv.Read(path, Places, Options.Enabled(), DateTime.UtcNow), fileName, Actor, Ip, Viewer.UserId, dryRun, null, ct), ct);
            if (!dryRun) Signal.ReportsChanged();
            Notice(r.Message(Path.GetFileName(file!.FileName)));
            return RedirectToPage();
        }
        catch (ImportFailedException e)
        {
            ImportErrorsTotal = e.TotalErrors;
            foreach (var x in e.Errors) Fail("file", x.ToString());
            return Page();
        }
    }
}
