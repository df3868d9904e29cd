using System.Net;
using Cohesion.Data;
using Cohesion.Surveys.Bank;
using Cohesion.Surveys.ItemBank;
using Cohesion.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// The public item bank pages (list with search and measure filter, one item with its indicators and the published surveys
/// asking it), its CSV and xlsx downloads (audited), and the methodology page written from the bank and the configuration.
/// </summary>
public class ItemBankPagesTests
{
    static async Task<string> PageAsync(HttpClient http, string url) => WebUtility.HtmlDecode(await http.GetStringAsync(url));

    [Theory]
    [BothProviders]
    public async Task ItemBankListsEveryItemByMeasureAndSearchesAndFilters(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();

        var all = await PageAsync(http, "/surveys/items");
        Assert.Contains($"All {StandardItems.All.Count} questions.", all);
        foreach (var item in StandardItems.All) Assert.Contains($"href=\"/surveys/items/{item.Code}\">{item.Code}</a>", all);
        foreach (var measure in StandardItems.Measures) Assert.Contains($"id=\"{ItemText.MeasureId(measure)}\">{measure}</h2>", all);
        Assert.Contains(StandardItems.Find("cohesion")!.Question, all);
        Assert.Contains(MixingItems.SettingStem, all); // a row's stem is shown with its question
        Assert.Contains("href=\"/surveys/methodology\"", all);
        // The cohesion row: two positive answers, three outside the base.
        var row = all[all.IndexOf(">cohesion</a>", StringComparison.Ordinal)..all.IndexOf(">belonging</a>", StringComparison.Ordinal)];
        Assert.Equal(2, Count(row, "Positive</strong>"));
        Assert.Equal(3, Count(row, "Outside the base</strong>"));

        // Search: every word, in the wording or the code, ignoring case.
        var trust = await PageAsync(http, "/surveys/items?q=TRUSTED");
        Assert.Contains("Showing 3 of", trust); // neighbours, people generally and the collective efficacy statement "can be trusted"
        Assert.Contains(">trust-neighbours</a>", trust);
        Assert.Contains(">ce-trusted</a>", trust);
        Assert.Contains(">sc-generalised-trust</a>", trust);
        Assert.DoesNotContain(">cohesion</a>", trust);
        var twoWords = await PageAsync(http, "/surveys/items?q=neighbourhood+pull");
        Assert.Contains("Showing 1 of", twoWords);
        Assert.Contains(">pull-together</a>", twoWords);
        Assert.Contains(">therm-muslims</a>", await PageAsync(http, "/surveys/items?q=therm-mus"));
        Assert.Contains("No questions match.", await PageAsync(http, "/surveys/items?q=zebra"));

        // Filter by measure; an unknown measure is ignored.
        var efficacy = await PageAsync(http, "/surveys/items?measure=Collective+efficacy");
        Assert.Contains("Showing 10 of", efficacy);
        Assert.Contains("<option value=\"Collective efficacy\" selected=\"selected\">", efficacy);
        Assert.DoesNotContain(">cohesion</a>", efficacy);
        Assert.Contains($"All {StandardItems.All.Count} questions.", await PageAsync(http, "/surveys/items?measure=Nonsense"));
        var both = await PageAsync(http, "/surveys/items?measure=Collective+efficacy&q=trusted");
        Assert.Contains("Showing 1 of", both);
        Assert.Contains("href=\"/surveys/items/export.csv?measure=Collective%20efficacy&amp;q=trusted\"", await http.GetStringAsync("/surveys/items?measure=Collective+efficacy&q=trusted"));
    }

    static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    [Theory]
    [BothProviders]
    public async Task ItemPageShowsTheItemItsIndicatorsAndThePublishedSurveysAskingIt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveySetup.SurveyAsync(app, "asks-cohesion", ["cohesion", "belonging"], period: "2024");
        await SurveySetup.SurveyAsync(app, "hidden-cohesion", ["cohesion"], published: false);
        await SurveySetup.SurveyAsync(app, "no-cohesion", ["belonging"]);
        using var http = app.Client();

        var page = await PageAsync(http, "/surveys/items/cohesion");
        var item = StandardItems.Find("cohesion")!;
        Assert.Contains($"<h1 class=\"govuk-heading-l\">{item.Question}</h1>", page);
        Assert.Contains(item.Hint!, page);
        Assert.Contains(item.Source, page);
        Assert.Contains(item.Derivation, page);
        foreach (var o in item.Options) Assert.Contains($"<th scope=\"row\" class=\"govuk-table__header\">{o.Label}</th>", page);
        Assert.Equal(2, Count(page, "<strong class=\"govuk-tag govuk-tag--green\">Positive</strong>"));
        Assert.Equal(3, Count(page, "Outside the base (left out)"));
        // Its indicator, linked to the methodology, as a headline one.
        var indicator = Indicators.Find("cohesion")!;
        Assert.Contains($"href=\"/surveys/methodology#indicator-cohesion\">{indicator.Title}</a> <strong class=\"govuk-tag govuk-tag--blue\">Headline</strong>", page);
        // Where it is asked: published surveys only.
        Assert.Contains("href=\"/surveys/asks-cohesion\">Test asks-cohesion</a>", page);
        Assert.DoesNotContain("hidden-cohesion", page);
        Assert.DoesNotContain("no-cohesion", page);
        Assert.DoesNotContain("Synthetic data", page);

        // A scale item lists the scale and the subscale it belongs to; a reverse-scored one says so.
        var reverse = await PageAsync(http, "/surveys/items/ce-dont-get-along");
        Assert.Contains("reverse-scored", reverse);
        Assert.Contains("href=\"/surveys/methodology#indicator-collective-efficacy\"", reverse);
        Assert.Contains("href=\"/surveys/methodology#indicator-ce-cohesion-trust\"", reverse);
        Assert.Contains("No published survey asks this question yet.", reverse);
        var therm = await PageAsync(http, "/surveys/items/therm-muslims");
        Assert.Contains("A rating from 0 (very cold) to 100 (very warm)", therm);
        Assert.Contains("Muslims (members are found by the answer to <code>religion</code>)", therm);
        Assert.Contains("None: it says who the respondent is", await PageAsync(http, "/surveys/items/religion"));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/items/no-such-item")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/items/local-question")).StatusCode);
    }

    [Theory]
    [BothProviders]
    public async Task ItemBankDownloadsHoldEveryColumnOfEveryItemAndAreAudited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var http = app.Client();

        var csv = await CsvText.GetAsync(http, "/surveys/items/export.csv");
        Assert.Equal(["code", "measure", "stem", "question", "hint", "kind", "options", "positive_options", "non_opinion_options", "min", "max",
            "scale", "reverse", "characteristic", "target_group", "target_characteristic", "source", "derivation", "indicators"], csv[0]);
        Assert.Equal(StandardItems.All.Select(i => i.Code), csv.Skip(1).Select(r => r[0]));
        var cohesion = StandardItems.Find("cohesion")!;
        Assert.Equal(["cohesion", "Cohesion", "", cohesion.Question, cohesion.Hint!, "choice",
            "definitely-agree = Definitely agree (4); tend-to-agree = Tend to agree (3); tend-to-disagree = Tend to disagree (2); definitely-disagree = Definitely disagree (1); "
            + "too-few-people = Too few people in local area; all-same-background = All same background; dont-know = Don't know",
            "definitely-agree; tend-to-agree", "too-few-people; all-same-background; dont-know", "", "", "", "no", "", "", "", cohesion.Source, cohesion.Derivation, "cohesion"], csv[1]);
        var reverse = csv.Single(r => r[0] == "ce-dont-share-values");
        Assert.Equal(("Collective efficacy", CollectiveEfficacyItems.CohesionStem, "collective-efficacy/cohesion-trust", "yes", "disagree; strongly-disagree"),
            (reverse[1], reverse[2], reverse[11], reverse[12], reverse[7]));
        Assert.Equal("collective-efficacy; ce-cohesion-trust; ce-dont-share-values", reverse[18]);
        var therm = csv.Single(r => r[0] == "therm-trans");
        Assert.Equal(("thermometer", "0", "100", "Transgender people", "gender-identity", ""), (therm[5], therm[9], therm[10], therm[14], therm[15], therm[6]));
        Assert.Equal(("ethnic-group", "mix-any-setting; mix-work"), (csv.Single(r => r[0] == "ethnic-group")[13], csv.Single(r => r[0] == "mix-work")[18]));

        // The filters apply to the download as to the page.
        var filtered = await CsvText.GetAsync(http, "/surveys/items/export.csv?measure=Mixing&q=work");
        Assert.Equal(["mix-work"], filtered.Skip(1).Select(r => r[0]));

        var xlsx = await http.GetByteArrayAsync("/surveys/items/export.xlsx?measure=Intergroup+attitudes");
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            string[][] Rows(string sheet) => ((WorksheetPart)doc.WorkbookPart.GetPartById(sheets.Single(s => s.Name == sheet).Id!)).Worksheet
                .Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToArray();
            var data = Rows("Data");
            Assert.Equal(ItemBankExports.Columns, data[0]);
            Assert.Equal(ThermometerItems.Targets.Select(t => $"therm-{t.Code}"), data.Skip(1).Select(r => r[0]));
            Assert.Equal(("Refugees and asylum seekers", "0", "100"), (data.Single(r => r[0] == "therm-refugees")[3], data[1][9], data[1][10]));
            var about = Rows("About").ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : "");
            Assert.Equal("search=none; measure=Intergroup attitudes", about["Filters"]);
            Assert.StartsWith("Community Life Survey and Census questions: Crown copyright, Open Government Licence v3.0", about["Licence of the wording"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/surveys/items/export.pdf")).StatusCode);

        await using var db = app.Database.Context();
        var audit = await db.AuditEntries.Where(e => e.Action == "export").OrderBy(e => e.Id).Select(e => e.Target + " " + e.Detail).ToListAsync();
        Assert.Equal([
            $"survey-item-bank.csv {StandardItems.All.Count} rows; search=none; measure=all",
            "survey-item-bank.csv 1 rows; search=work; measure=Mixing",
            "survey-item-bank.xlsx 20 rows; search=none; measure=Intergroup attitudes",
        ], audit);
    }

    [Theory]
    [BothProviders]
    public async Task MethodologyDescribesEveryIndicatorAndTheConfiguredMinimumBase(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, "--Cohesion:Surveys:MinimumBase", "37");
        using var http = app.Client();
        var page = await PageAsync(http, "/surveys/methodology");

        foreach (var i in Indicators.All)
        {
            Assert.Contains($"id=\"indicator-{i.Code}\">{i.Title}", page);
            Assert.Contains(i.Derivation, page);
            Assert.Contains(i.Source, page);
            foreach (var code in i.ItemCodes) Assert.Contains($"href=\"/surveys/items/{code}\"", page);
        }
        Assert.Contains("A figure resting on fewer than <strong>37</strong> responses", page);
        Assert.Contains("until no weight changes by more than 1e-10 (relative) in a cycle, for at most 200 cycles", page);
        Assert.Contains("λ = τ / (τ + σ²/n)", page);
        Assert.Contains("A respondent who answered at least 8 of them gets a score", page);
        Assert.Contains("Asian or Asian British: Pakistani", StandardItems.Find("ethnic-group")!.Options.Select(o => o.Label));
        // Broad ethnic groups: the survey's answers and the census groups the weighting counts in each.
        Assert.Contains("<td class=\"govuk-table__cell\">Indian; Pakistani; Bangladeshi; Chinese; any other Asian background</td>", page);
        Assert.Contains("<td class=\"govuk-table__cell\">White British; White Irish; Other White; Gypsy or Irish Traveller</td>", page);
        Assert.Contains($"Residence areas with fewer than {Cohesion.Surveys.Results.SurveyWeights.MinimumCell} respondents are combined into one weighting cell", page);
        Assert.Contains("A survey's owner can limit how much one response counts (weight trimming, on the survey's details page)", page);
        foreach (var reversed in StandardItems.All.Where(i => i.Reverse)) Assert.Contains($"{reversed.Question}</a> (reverse-scored)", page);
        Assert.Contains("Open Government Licence v3.0", page);
        Assert.Contains("Sampson, R. J., Raudenbush, S. W. and Earls, F. (1997)", page);
        Assert.Contains("--replicate jk1", page);
        Assert.Contains("href=\"/surveys/items\"", page);

        // The default, when not configured.
        await using var plain = await TestApp.StartAsync(provider);
        using var http2 = plain.Client();
        Assert.Contains("fewer than <strong>10</strong> responses", await PageAsync(http2, "/surveys/methodology"));

        // The glossary explains the terms the pages link to.
        var glossary = await PageAsync(http2, "/glossary");
        foreach (var id in new[] { "positive-share", "base", "design-effect", "raking", "post-stratification", "collective-efficacy-scale", "feeling-thermometer", "reliability" })
            Assert.Contains($"id=\"{id}\"", glossary);
    }
}
