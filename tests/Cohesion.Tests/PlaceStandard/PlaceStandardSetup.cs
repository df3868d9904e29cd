using System.Net;
using System.Text.RegularExpressions;
using Cohesion.Accounts;
using Cohesion.PlaceStandard;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>Engagements and assessments made straight in the database, and the online form driven the way a browser without JavaScript drives it.</summary>
public static partial class PlaceStandardSetup
{
    public const string Coldhurst = "E05000723";

    /// <summary>An engagement in Coldhurst owned by <paramref name="owner"/> (created when missing).</summary>
    public static async Task<Engagement> EngagementAsync(TestApp app, string name, bool open = true, bool published = true, string owner = "Test partner")
    {
        await using var db = app.Database.Context();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == owner)
            ?? db.Organisations.Add(new Organisation { Name = owner, Kind = OrganisationKind.Voluntary, CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        var area = await db.Areas.SingleAsync(a => a.Code == Coldhurst);
        var e = new Engagement { Name = name, Title = $"Test {name}", AreaId = area.Id, Period = "2025", OwnerOrganisationId = org.Id, IsOpen = open, IsPublished = published, CreatedAt = DateTime.UtcNow, CreatedBy = "test" };
        db.PsEngagements.Add(e);
        await db.SaveChangesAsync();
        return e;
    }

    /// <summary>Adds assessments: each row is (participants (1 = individual), 14 scores with 0 for not answered, an optional comment on theme 1 "could be better").</summary>
    public static async Task AssessmentsAsync(TestApp app, Engagement e, params (int Participants, int[] Scores, string? Comment)[] rows)
    {
        await using var db = app.Database.Context();
        foreach (var (participants, scores, comment) in rows)
        {
            var better = new string?[14];
            better[0] = comment;
            var kind = participants > 1 ? AssessmentKind.Group : AssessmentKind.Individual;
            AssessmentWriter.Add(db, e.Id, new NewAssessment(kind, participants, kind == AssessmentKind.Group ? "Workshop" : null, "25-34", null, null, null, scores, new string?[14], better),
                AssessmentWriter.Import, DateOnly.FromDateTime(DateTime.UtcNow));
        }
        await db.SaveChangesAsync();
    }

    public static int[] Scores(params int[] first) => [.. first, .. Enumerable.Repeat(0, 14 - first.Length)];

    public static async Task<int> CountAsync(TestApp app, string engagement)
    {
        await using var db = app.Database.Context();
        return await db.PsAssessments.CountAsync(a => db.PsEngagements.Any(e => e.Id == a.EngagementId && e.Name == engagement));
    }

    [GeneratedRegex("""<input type="hidden" name="state" value="([^"]+)">""")]
    private static partial Regex StateInput();

    [GeneratedRegex("""<input type="hidden" name="step" value="([^"]+)">""")]
    private static partial Regex StepInput();

    /// <summary>The online form as a browser without JavaScript fills it in: every page is a POST of its fields with the carried state and the antiforgery token.</summary>
    public sealed class Form(HttpClient http, string engagement)
    {
        public string Path { get; } = $"/place-standard/{engagement}/respond";
        public string Html { get; private set; } = "";
        public HttpResponseMessage? Last { get; private set; }
        public string? State => StateInput().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        public string? Step => StepInput().Match(Html) is { Success: true } m ? m.Groups[1].Value : null;

        public async Task OpenAsync(string? query = null)
        {
            Last = await http.GetAsync(Path + query);
            Html = await Last.Content.ReadAsStringAsync();
        }

        /// <summary>Presses a button (go) on the current page with its fields.</summary>
        public async Task PressAsync(string go, params (string Name, string Value)[] fields)
        {
            List<KeyValuePair<string, string>> form = [new("__RequestVerificationToken", SignIn.Token(Html)), new("go", go), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];
            if (State is { } s) form.Add(new("state", s));
            if (Step is { } step) form.Add(new("step", step));
            Last = await http.PostAsync(Path, new FormUrlEncodedContent(form));
            Html = await Last.Content.ReadAsStringAsync();
        }

        public Task ContinueAsync(params (string Name, string Value)[] fields) => PressAsync("continue", fields);

        /// <summary>POSTs a state kept from earlier (the back button, a second tab), with this page's antiforgery token unless told not to.</summary>
        public Task<HttpResponseMessage> PostStateAsync(string go, string step, string state, bool token = true, params (string Name, string Value)[] fields)
        {
            List<KeyValuePair<string, string>> form = [new("go", go), new("step", step), new("state", state), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];
            if (token) form.Add(new("__RequestVerificationToken", SignIn.Token(Html)));
            return http.PostAsync(Path, new FormUrlEncodedContent(form));
        }
    }
}
