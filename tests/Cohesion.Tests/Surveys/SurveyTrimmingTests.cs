using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Surveys.Model;
using Cohesion.Surveys.Results;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cohesion.Tests.Surveys.SurveySetup;

namespace Cohesion.Tests.Surveys;

/// <summary>
/// Weight trimming chosen on a survey's details page: weights kept within the bounds while still matching the census,
/// the results saying how many were held at a bound and what it did to the design effect, the cached figures replaced
/// when the bounds change, bounds the margins cannot live with reported, and bad bounds refused.
/// </summary>
public class SurveyTrimmingTests
{
    const string Org = "Coldhurst Partnership";
    static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// 180 respondents in Oldham's 20 wards, raked by ward and broad ethnic group: wards alternate between 6 respondents
    /// (3 White British) and 12 (4 White British), the rest Pakistani. White residents (about four in five) answered far
    /// less than their share, and so did the wards with 6, so untrimmed the largest weights are over 3 times the mean.
    /// </summary>
    static async Task<Survey> SkewedAsync(TestApp app, string name)
    {
        var survey = await SurveyAsync(app, name, ["cohesion", "ethnic-group", "residence"], owner: Org, weighting: SurveyWeighting.AreaAndEthnicGroup);
        await using var db = app.Database.Context();
        var wards = await db.Areas.Where(a => a.Level == AreaLevel.Ward).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync();
        var rows = new List<Dictionary<string, string>>();
        for (var w = 0; w < wards.Count; w++)
        {
            var (n, white) = w % 2 == 0 ? (6, 3) : (12, 4);
            for (var i = 0; i < n; i++)
                rows.Add(new() { ["cohesion"] = i % 3 == 0 ? "tend-to-disagree" : "tend-to-agree", ["ethnic-group"] = i < white ? "white-british" : "asian-pakistani", ["residence"] = wards[w] });
        }
        await ResponsesAsync(app, survey, [.. rows]);
        return survey;
    }

    /// <summary>The survey's results loaded afresh from the database (no cache), as its details now stand.</summary>
    static async Task<SurveyResults> LoadAsync(TestApp app, Survey survey)
    {
        await using var db = app.Database.Context();
        var loaded = await db.Surveys.Include(s => s.Questions).Include(s => s.LocalItems).SingleAsync(s => s.Id == survey.Id);
        return await SurveyResults.LoadAsync(db, loaded, 1, default);
    }

    /// <summary>Posts the details page with the survey's own details and the bounds given: "redirect …", or the page shown again.</summary>
    static async Task<string> SaveAsync(HttpClient staff, Survey survey, string lower, string upper, string weighting = nameof(SurveyWeighting.AreaAndEthnicGroup))
    {
        var page = $"/surveys/{survey.Name}/manage/details";
        var r = await SignIn.PostFormAsync(staff, page, ("title", survey.Title), ("description", ""), ("area", Oldham), ("level", "WARD"), ("period", survey.Period),
            ("weighting", weighting), ("trim-lower", lower), ("trim-upper", upper));
        return r.StatusCode == HttpStatusCode.Redirect ? "redirect " + r.Headers.Location?.OriginalString : WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    }

    static Dictionary<int, double> WardTotals(SurveyResults r)
    {
        var weights = r.Design.Weights.ToArray();
        return weights.Select((w, i) => (w, Area: r.Data.Residence[i]!.Value)).GroupBy(x => x.Area).ToDictionary(g => g.Key, g => g.Sum(x => x.w));
    }

    [Theory]
    [BothProviders]
    public async Task TrimmedWeightsStayWithinTheBoundsStillMatchTheCensusAndTheResultsSayHowManyWereHeld(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SkewedAsync(app, "skewed");
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, Org);
        using var http = app.Client();

        var untrimmed = await LoadAsync(app, survey);
        var before = untrimmed.Design.Weights.ToArray();
        Assert.Null(untrimmed.Weighting.Error);
        Assert.True(before.Max() > 3 * before.Average(), $"the largest untrimmed weight is {before.Max() / before.Average():F2} times the mean");
        var api = await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/skewed");
        Assert.Equal(Math.Round(untrimmed.Weighting.DesignEffect, 4), api.GetProperty("weighting").GetProperty("designEffect").GetDouble());
        Assert.Equal(JsonValueKind.Null, api.GetProperty("weighting").GetProperty("trimUpper").ValueKind);

        // Bounds of 0.2 and 2.5 times the mean: every weight within them, the census margins still met.
        Assert.Equal("redirect /surveys/skewed/manage", await SaveAsync(staff, survey, "0.2", " 2.5 "));
        var trimmed = await LoadAsync(app, survey);
        var after = trimmed.Design.Weights.ToArray();
        var mean = after.Average();
        Assert.All(after, w => Assert.InRange(w / mean, 0.2 - 1e-6, 2.5 + 1e-6));
        var held = after.Count(w => Math.Abs(w / mean - 0.2) < 1e-6 || Math.Abs(w / mean - 2.5) < 1e-6);
        Assert.True(held > 1, $"{held} weights at a bound");
        Assert.Equal(held, trimmed.Weighting.Trimmed);
        var census = WardTotals(untrimmed);
        foreach (var (ward, total) in WardTotals(trimmed)) Assert.Equal(census[ward], total, census[ward] * 1e-6);
        Assert.True(trimmed.Weighting.DesignEffect < untrimmed.Weighting.DesignEffect,
            $"trimmed design effect {trimmed.Weighting.DesignEffect} against {untrimmed.Weighting.DesignEffect} untrimmed");

        // The page, the API and the downloads say so, with the design effect of the trimmed weights.
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/skewed"));
        const string method = "raking to the Census 2011 residents by ward and by broad ethnic group, with weights limited to between 0.2 and 2.5 times the mean weight";
        Assert.Contains($"{method} ({held} weights held at a bound)", page);
        Assert.Contains($"The weights are trimmed: each is limited to between 0.2 and 2.5 times the mean weight", page);
        Assert.Contains("so no response counts for more than 2.5 average ones or less than 0.2 of one", page);
        Assert.Contains($"{held} of the 180 weights are held at a bound.", page);
        var deff = trimmed.Weighting.DesignEffect;
        Assert.Contains($"The design effect of weighting is {deff.ToString("0.00", Uk)} (Kish's 1 + CV²), so the 180 responses are about as precise as a simple random sample of {Math.Round(180 / deff):0} people (the effective sample size). "
            + $"Without trimming the design effect would be {untrimmed.Weighting.DesignEffect.ToString("0.00", Uk)}.", page);
        var weighting = (await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/skewed")).GetProperty("weighting");
        Assert.Equal(Math.Round(deff, 4), weighting.GetProperty("designEffect").GetDouble());
        Assert.Equal((0.2, 2.5, held), (weighting.GetProperty("trimLower").GetDouble(), weighting.GetProperty("trimUpper").GetDouble(), weighting.GetProperty("trimmed").GetInt32()));
        Assert.StartsWith(method, weighting.GetProperty("method").GetString());
        Assert.Contains(method, XlsxText(await http.GetByteArrayAsync("/surveys/skewed/indicators.xlsx")));
        // Every CSV row carries the trimming with the method: a CSV has no notes to say it.
        Assert.Contains("\"raking, weights limited to between 0.2 and 2.5 times the mean weight\"", await http.GetStringAsync("/surveys/skewed/indicators.csv"));
        await using (var db = app.Database.Context())
            Assert.EndsWith("weighting AreaAndEthnicGroup; trimming between 0.2 and 2.5 times the mean weight",
                await db.AuditEntries.Where(a => a.Action == AuditActions.SurveyChanged).Select(a => a.Detail).SingleAsync());

        // New bounds: the cached figures are replaced at once.
        Assert.Equal("redirect /surveys/skewed/manage", await SaveAsync(staff, survey, "", "3"));
        var upperOnly = await LoadAsync(app, survey);
        Assert.True(upperOnly.Weighting.Trimmed > 1);
        Assert.NotEqual(deff, upperOnly.Weighting.DesignEffect);
        page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/skewed"));
        Assert.Contains($"with weights limited to at most 3 times the mean weight ({upperOnly.Weighting.Trimmed} weights held at a bound)", page);
        Assert.DoesNotContain("between 0.2 and 2.5", page);
        weighting = (await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/skewed")).GetProperty("weighting");
        Assert.Equal(Math.Round(upperOnly.Weighting.DesignEffect, 4), weighting.GetProperty("designEffect").GetDouble());
        Assert.Equal(JsonValueKind.Null, weighting.GetProperty("trimLower").ValueKind);

        // Bounds the margins cannot live with: weighted to the census without trimming, and the page warns why.
        Assert.Equal("redirect /surveys/skewed/manage", await SaveAsync(staff, survey, "0.3", "2"));
        page = WebUtility.HtmlDecode(await http.GetStringAsync("/surveys/skewed"));
        Assert.Contains("Trimming could not be done: the weights cannot be limited to between 0.3 and 2 times the mean weight and still match the census (after ", page);
        Assert.Contains("The figures are weighted without it.", page);
        Assert.Contains("by broad ethnic group, not trimmed (the weights could not be limited to between 0.3 and 2 times the mean weight and still match the census)", page);
        weighting = (await http.GetFromJsonAsync<JsonElement>("/api/v1/surveys/skewed")).GetProperty("weighting");
        Assert.Equal(("AreaAndEthnicGroup", 0), (weighting.GetProperty("applied").GetString(), weighting.GetProperty("trimmed").GetInt32()));
        Assert.Equal(Math.Round(untrimmed.Weighting.DesignEffect, 4), weighting.GetProperty("designEffect").GetDouble());
        Assert.StartsWith("the weights cannot be limited to between 0.3 and 2", weighting.GetProperty("trimError").GetString());
        Assert.Contains("Trimming not done", XlsxText(await http.GetByteArrayAsync("/surveys/skewed/indicators.xlsx")));
    }

    [Theory]
    [BothProviders]
    public async Task PostStratificationKeepsBoundsItMeetsAndWithoutTrimmingSaysWhyWhenAnAreaNeedsAWeightBeyondThem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // Ten respondents in Coldhurst and five in Werneth: post-stratified, every Werneth weight is about 1.5 times the
        // mean and every Coldhurst one about 0.75 (the wards have similar populations).
        var survey = await SurveyAsync(app, "by-area", ["cohesion", "residence"], weighting: SurveyWeighting.Area, trimLower: 0.3, trimUpper: 3);
        await ResponsesAsync(app, survey, [.. Enumerable.Range(0, 15).Select(i => new Dictionary<string, string>
            { ["cohesion"] = i % 2 == 0 ? "tend-to-agree" : "tend-to-disagree", ["residence"] = i < 10 ? Coldhurst : Werneth })]);

        var loose = await LoadAsync(app, survey);
        var weights = loose.Design.Weights.ToArray();
        Assert.InRange(weights.Max() / weights.Average(), 1.2, 3);
        Assert.Equal((true, 0, null), (loose.Weighting.IsTrimmed, loose.Weighting.Trimmed, loose.Weighting.TrimError));
        Assert.EndsWith("of each ward, with weights limited to between 0.3 and 3 times the mean weight (none needed it)", Cohesion.Surveys.SurveyAbout.Method(loose.Weighting, AreaLevel.Ward));
        Assert.Contains("No weight needed trimming.", string.Join(" ", Cohesion.Surveys.SurveyAbout.Weighting(loose.Weighting, AreaLevel.Ward, 15)));

        // Everyone in Werneth shares one weight, so at most 1.2 times the mean cannot give Werneth its residents.
        await using (var db = app.Database.Context())
            await db.Surveys.Where(s => s.Id == survey.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.WeightTrimLower, (double?)null).SetProperty(s => s.WeightTrimUpper, 1.2));
        var tight = await LoadAsync(app, survey);
        Assert.Equal((SurveyWeighting.Area, false, null), (tight.Weighting.Applied, tight.Weighting.IsTrimmed, tight.Weighting.Error));
        // The untrimmed post-stratified weights (which the loose bounds left as they were).
        Assert.All(weights.Zip(tight.Design.Weights.ToArray()), p => Assert.Equal(p.First, p.Second, p.First * 1e-12));
        Assert.Matches(@"^the weights cannot be limited to at most 1\.2 times the mean weight and still match the census \(after \d+ cycles the weighted responses were still off the census counts by residence area\)$", tight.Weighting.TrimError);
        Assert.EndsWith("of each ward, not trimmed (the weights could not be limited to at most 1.2 times the mean weight and still match the census)", Cohesion.Surveys.SurveyAbout.Method(tight.Weighting, AreaLevel.Ward));
    }

    [Theory]
    [BothProviders]
    public async Task DetailsPageRefusesBoundsOutsideTheRulesNamingFieldAndValueAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var survey = await SurveyAsync(app, "bounds", ["cohesion", "residence"], owner: Org, weighting: SurveyWeighting.Area, trimLower: 0.3, trimUpper: 3);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, Org);

        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/bounds/manage/details"));
        Assert.Contains("id=\"trim-lower\" name=\"trim-lower\" type=\"text\" value=\"0.3\"", form);
        Assert.Contains("id=\"trim-upper\" name=\"trim-upper\" type=\"text\" value=\"3\"", form);
        Assert.Contains("Only used when responses are weighted.", form);

        const string Lowest = "The lowest weight must be at least 0 and less than 1 times the mean weight, for example 0.3";
        const string Highest = "The highest weight must be more than 1 and at most 20 times the mean weight, for example 3";
        (string Lower, string Upper, (string Field, string Message)[] Errors)[] cases =
        [
            ("1", "3", [("trim-lower", $"{Lowest} (you entered 1)")]),
            ("-0.1", "", [("trim-lower", $"{Lowest} (you entered -0.1)")]),
            ("abc", "", [("trim-lower", "The lowest weight must be a number, for example 0.3 (you entered 'abc')")]),
            ("", "1", [("trim-upper", $"{Highest} (you entered 1)")]),
            ("", "20.5", [("trim-upper", $"{Highest} (you entered 20.5)")]),
            ("", "12345678901", [("trim-upper", "The highest weight must be a number, for example 3 (you entered '1234567890…')")]),
            ("0,3", "NaN", [("trim-lower", "The lowest weight must be a number, for example 0.3 (you entered '0,3')"), ("trim-upper", "The highest weight must be a number, for example 3 (you entered 'NaN')")]),
        ];
        foreach (var (lower, upper, errors) in cases)
        {
            var html = await SaveAsync(staff, survey, lower, upper, nameof(SurveyWeighting.Area));
            foreach (var (field, message) in errors)
            {
                // In the summary, linked to the field, and beside the field.
                Assert.Contains($"<a href=\"#{field}\">{message}</a>", html);
                Assert.Contains($"<p id=\"{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>", html);
            }
        }
        await using (var db = app.Database.Context())
        {
            var s = await db.Surveys.SingleAsync(x => x.Name == "bounds");
            Assert.Equal((0.3, 3.0, SurveyWeighting.Area), (s.WeightTrimLower, s.WeightTrimUpper, s.Weighting));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyChanged));
        }

        // Bounds without weighting are kept but not used, and the manage page says so; blank bounds mean no trimming.
        Assert.Equal("redirect /surveys/bounds/manage", await SaveAsync(staff, survey, "0.25", "4", nameof(SurveyWeighting.None)));
        Assert.Contains("No weighting (the limits on the weights, between 0.25 and 4 times the mean weight, are not used)",
            WebUtility.HtmlDecode(await staff.GetStringAsync("/surveys/bounds/manage")));
        Assert.Equal("redirect /surveys/bounds/manage", await SaveAsync(staff, survey, " ", "", nameof(SurveyWeighting.Area)));
        await using var ctx = app.Database.Context();
        var saved = await ctx.Surveys.SingleAsync(x => x.Name == "bounds");
        Assert.Equal((null, null, SurveyWeighting.Area), (saved.WeightTrimLower, saved.WeightTrimUpper, saved.Weighting));
        Assert.Equal(["weighting None; trimming between 0.25 and 4 times the mean weight", "weighting Area; trimming none"],
            (await ctx.AuditEntries.Where(a => a.Action == AuditActions.SurveyChanged).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync()).Select(d => d[d.IndexOf("weighting ", StringComparison.Ordinal)..]));
    }
}
