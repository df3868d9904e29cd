using Cohesion.Admin;
using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Assets.Csv;

/// <summary>/assets/import: staff upload a CSV of directory records; every row is checked and it is all or nothing.</summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
public sealed class AssetsImportModel(CohesionDb db, AreaShapes shapes) : AdminPage
{
    public const int MaxUpload = 20 * 1024 * 1024;

    public int ImportErrorsTotal { get; private set; }
    public bool DryRun { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        DryRun = dryRun;
        if (Uploads.Problem(file, MaxUpload, "directory records") is { } problem)
        {
            Fail("file", problem);
            return Page();
        }
        try
        {
            var target = await AssetCsvTarget.LoadAsync(db, ct);
            var r = await Uploads.WithSavedCopyAsync(file!, (path, fileName) =>
                AssetCsvImport.SaveAsync(db, shapes, AssetCsvReader.Read(path, target), fileName, Actor, Ip, dryRun, null, ct,
                    maintainer => AssetAccess.CanEdit(maintainer, User)), ct);
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
