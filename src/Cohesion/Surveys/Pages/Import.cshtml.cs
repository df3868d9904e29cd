using System.Text;
using Cohesion.Data;
using Cohesion.Imports;
using Cohesion.Places;
using Cohesion.Surveys.Import;
using Cohesion.Surveys.ItemBank;
using Cohesion.Web;
using Microsoft.AspNetCore.Mvc;

namespace Cohesion.Surveys.Pages;

/// <summary>/surveys/{name}/import: upload responses collected elsewhere as a CSV file, laid out by the survey's own item codes.</summary>
[RequestSizeLimit(MaxUpload + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
public sealed class SurveysImportModel(CohesionDb db) : SurveyStaffPage(db)
{
    public const int MaxUpload = 10 * 1024 * 1024;

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<ResidenceAreas.Choice> Areas { get; private set; } = [];
    public int ImportErrorsTotal { get; private set; }

    public Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => ShowAsync(name, ct);

    protected override async Task ReadAsync(CancellationToken ct)
    {
        Items = SurveyItems.Of(Survey);
        Areas = await ResidenceAreas.ForAsync(Db, Survey, ct);
    }

    /// <summary>An empty file with the header line this survey's imports use: every item code, then the optional columns.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string name, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        var header = string.Join(',', SurveyItems.Of(Survey).Select(i => i.Code).Concat(ResponseImport.Optional)) + "\r\n";
        return File(Encoding.UTF8.GetBytes(header), "text/csv; charset=utf-8", $"cohesion-survey-{Survey.Name}-import-template.csv");
    }

    public async Task<IActionResult> OnPostAsync(string name, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(name, ct) is { } refused) return refused;
        if (Uploads.Problem(file, MaxUpload, "responses") is { } problem)
        {
            Fail("file", problem);
            return await RedisplayAsync(ct);
        }
        try
        {
            var (items, areas) = await ResponseImport.TargetAsync(Db, Survey, ct);
            var r = await Uploads.WithSavedCopyAsync(file!, (path, fileName) =>
                ResponseImport.SaveAsync(Db, Survey, ResponseImport.Read(path, items, areas, ResponseImport.Today), areas, fileName, Actor, Ip, null, ct), ct);
            Notice(r.Message(Path.GetFileName(file!.FileName)));
            return Redirect(Manage);
        }
        catch (ImportFailedException e)
        {
            ImportErrorsTotal = e.TotalErrors;
            foreach (var x in e.Errors) Fail("file", x.ToString());
            return await RedisplayAsync(ct);
        }
    }

    /// <summary>What a column holds, for the format table.</summary>
    public string Holds(Item i) => i.Kind switch
    {
        ItemKind.Choice => "One of: " + string.Join(", ", i.Options.Select(o => o.Code)),
        ItemKind.Thermometer => "A whole number from 0 (very cold) to 100 (very warm)",
        ItemKind.Number => $"A whole number from {i.Min} to {i.Max}",
        ItemKind.Residence => Areas.Count == 0 ? "An area code (none are loaded for this survey's area)"
            : $"The code of the {Survey.ResidenceLevel.Label()} the respondent lives in, one of the survey's {Areas.Count:N0}, for example {Areas[0].Code} ({Areas[0].Name})",
        _ => "",
    };
}
