using System.Globalization;
using System.Security.Claims;
using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Assets.Geo;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Assets.OpenReferral;

/// <summary>
/// /assets/import-oruk: staff upload an Open Referral UK (HSDS JSON) file. What they import is maintained by their own
/// organisation, and a contributor may not overwrite records another partner maintains (an administrator may).
/// </summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
public sealed class ImportOrukModel(CohesionDb db, AreaShapes shapes) : AdminPage
{
    public const int MaxUpload = 64 * 1024 * 1024;

    public int ImportErrorsTotal { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (Problem(file) is { } problem)
        {
            Fail("file", problem);
            return Page();
        }
        var organisation = int.TryParse(User.FindFirstValue(CohesionClaims.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var org) ? org : (int?)null;
        var admin = User.IsInRole(nameof(Role.Admin));
        try
        {
            var r = await Uploads.WithSavedCopyAsync(file!, async (path, fileName) =>
            {
                await using var input = System.IO.File.OpenRead(path);
                return await HsdsImport.RunAsync(db, shapes, input, new HsdsImportOptions(fileName, Actor, Ip, organisation, admin ? null : organisation), ct);
            }, ct);
            Notice($"Imported {r.Describe()} from {Path.GetFileName(file!.FileName)}");
            return RedirectToPage();
        }
        catch (ImportFailedException e)
        {
            ImportErrorsTotal = e.TotalErrors;
            foreach (var x in e.Errors) Fail("file", x.ToString());
            return Page();
        }
    }

    static string? Problem(IFormFile? file)
    {
        if (file is null || file.Length == 0) return "Choose an HSDS JSON file of services";
        if (file.Length > MaxUpload) return $"The file must be smaller than {MaxUpload / (1024 * 1024)} MB: split it";
        if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return "The file must be a JSON file (.json)";
        return null;
    }
}
