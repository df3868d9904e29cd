using System.Net;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Cohesion.Web.PublicForms;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Accounts;

/// <summary>
/// Public form submissions and saves are limited per client address (Cohesion:Security:PublicFormPermitPerMinute),
/// shared across the survey and Place Standard forms; moving between pages is not; a refused respondent keeps their
/// answers.
/// </summary>
public class PublicFormLimitTests
{
    [Theory]
    [BothProviders]
    public async Task SubmitsAndSavesBeyondTheLimitAreRefusedWith429AndTheAnswersAreHandedBack(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, "--Cohesion:Security:PublicFormPermitPerMinute", "3");
        await Surveys.SurveySetup.SurveyAsync(app, "limited", ["cohesion", "belonging"]);
        await PlaceStandard.PlaceStandardSetup.EngagementAsync(app, "limited-ps");
        using var http = app.Client();

        // Two submissions and a save: the three permits of this minute. Page-to-page moves along the way are free.
        for (var i = 0; i < 2; i++)
        {
            var form = await SurveyCheckPageAsync(http);
            await form.PressAsync("submit");
            Assert.Equal(HttpStatusCode.Redirect, form.Last!.StatusCode);
        }
        var saving = new PublicForm(http, "/surveys/limited/respond");
        await saving.OpenAsync();
        await saving.PressAsync("start");
        await saving.PressAsync("save", ("answer", "definitely-agree"));
        Assert.Equal(HttpStatusCode.OK, saving.Last!.StatusCode);
        Assert.Contains("Your answers are saved", saving.Text);

        // The fourth: refused, nothing stored, the answers kept in the page to go back to.
        var refused = await SurveyCheckPageAsync(http);
        await refused.PressAsync("submit");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Last!.StatusCode);
        Assert.Contains("Please wait a minute before you send your answers", refused.Text);
        Assert.Contains("Your answers are not lost", refused.Text);
        await refused.PressAsync("resume");
        Assert.Equal(HttpStatusCode.OK, refused.Last!.StatusCode);
        Assert.Equal("check-answers", refused.Step);
        Assert.Contains("Tend to agree", refused.Text);
        var save = new PublicForm(http, "/surveys/limited/respond");
        await save.OpenAsync();
        await save.PressAsync("start");
        await save.PressAsync("save", ("answer", "definitely-agree"));
        Assert.Equal(HttpStatusCode.TooManyRequests, save.Last!.StatusCode);
        await save.PressAsync("resume");
        Assert.Equal("cohesion", save.Step);
        Assert.Contains("value=\"definitely-agree\" checked=\"checked\"", save.Html); // the answer on the saved page is kept

        // The Place Standard form shares the limit.
        var ps = new PlaceStandard.PlaceStandardSetup.Form(http, "limited-ps");
        await ps.OpenAsync();
        await ps.PressAsync("start");
        await ps.ContinueAsync(("kind", "individual"));
        await ps.PressAsync("save", ("score", "4"), ("good", ""), ("better", ""));
        Assert.Equal(HttpStatusCode.TooManyRequests, ps.Last!.StatusCode);
        Assert.Contains("Please wait a minute", ps.Text);
        await ps.PressAsync("resume");
        Assert.Equal("theme-1", ps.Step);
        Assert.Contains("value=\"4\" checked=\"checked\"", ps.Html);
        var psSubmit = await ps.PostStateAsync("submit", "check", ps.State!);
        Assert.Equal(HttpStatusCode.TooManyRequests, psSubmit.StatusCode);

        await using var db = app.Database.Context();
        Assert.Equal(2, await db.SurveyResponses.CountAsync());
        Assert.Equal(1, await db.SurveyDrafts.CountAsync());
        Assert.Equal(0, await db.PsAssessments.CountAsync());
        Assert.Equal(0, await db.PsDrafts.CountAsync());
        // Pages still load.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/surveys/limited/respond")).StatusCode);
    }

    static async Task<PublicForm> SurveyCheckPageAsync(HttpClient http)
    {
        var form = new PublicForm(http, "/surveys/limited/respond");
        await form.OpenAsync();
        await form.PressAsync("start");
        await form.ContinueAsync(("answer", "tend-to-agree"));
        await form.ContinueAsync(("answer", ""));
        Assert.Equal("check-answers", form.Step);
        return form;
    }

    [Fact]
    public void ClientsAreIPv4AddressesOrIPv6Slash64s()
    {
        Assert.Equal("203.0.113.9", PublicFormLimiter.Client(IPAddress.Parse("203.0.113.9")));
        Assert.Equal("203.0.113.9", PublicFormLimiter.Client(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.Equal("2001:db8:1:2::/64", PublicFormLimiter.Client(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal(PublicFormLimiter.Client(IPAddress.Parse("2001:db8:1:2::1")), PublicFormLimiter.Client(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.Equal("unknown", PublicFormLimiter.Client(null));
    }
}
