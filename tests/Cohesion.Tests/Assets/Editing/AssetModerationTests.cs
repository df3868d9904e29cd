using System.Net;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.Editing;

/// <summary>Residents propose assets and report problems without signing in; moderators accept or reject each, audited; an accepted report reaches the record's maintainer.</summary>
public class AssetModerationTests
{
    static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Theory]
    [BothProviders]
    public async Task AProposalIsScreenedForPersonalDataStoredAndAcceptedAsADraftRecord(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var resident = app.Client();
        var cafe = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "language-cafe");
        (string, string)[] fields = [("kind", "Service"), ("name", "Saturday language café"), ("description", "Practise English with neighbours over coffee."),
            ("where", "St Mark's church hall"), ("area", "E05000723"), ("term", cafe.ToString()), ("website", ""), ("contact", "resident@example.org")];

        var screened = await SignIn.PostFormAsync(resident, "/assets/propose", [.. fields.Where(f => f.Item1 != "description"), ("description", "Ring Sam on 07700 900123 to join")]);
        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        Assert.Contains("<a href=\"#description\">What it is holds a phone number: take it out.", await TextAsync(screened));
        var badContact = await SignIn.PostFormAsync(resident, "/assets/propose", [.. fields.Where(f => f.Item1 != "contact"), ("contact", "call me")]);
        Assert.Contains("How we can reach you must be an email address or a UK phone number (you entered 'call me')", await TextAsync(badContact));
        await using var db = app.Database.Context();
        Assert.Equal(0, await db.AssetProposals.CountAsync());

        var sent = await SignIn.PostFormAsync(resident, "/assets/propose", fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/assets/propose/sent", sent.Headers.Location?.OriginalString);
        Assert.Contains("We have your suggestion", await resident.GetStringAsync("/assets/propose/sent"));
        var proposal = await db.AssetProposals.SingleAsync();
        var coldhurst = await db.Areas.Where(a => a.Code == "E05000723").Select(a => a.Id).SingleAsync();
        Assert.Equal((ModerationState.Pending, "resident@example.org", coldhurst, cafe), (proposal.State, proposal.ProposerContact!, proposal.AreaId!.Value, proposal.TermId!.Value));
        Assert.Equal($"anonymous asset proposal {proposal.Id}: Service proposed in E05000723",
            await db.AuditEntries.Where(a => a.Action == AuditActions.AssetSubmitted).Select(a => a.Actor + " " + a.Target + ": " + a.Detail).SingleAsync());

        // The queue: moderators only; filtered; downloadable without the proposer's contact.
        var (moderator, _, _) = await SignIn.NewUserClientAsync(app, "moderator@example.org", Role.Analyst, "Council");
        var (contributor, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Owner partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/assets/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await resident.GetAsync("/assets/moderation")).StatusCode);
        var queue = WebUtility.HtmlDecode(await moderator.GetStringAsync("/assets/moderation"));
        Assert.Contains("Waiting: 1 proposal and 0 problem reports.", queue);
        Assert.Contains("Saturday language café", queue);
        Assert.Contains("Saturday language café", WebUtility.HtmlDecode(await moderator.GetStringAsync("/assets/moderation?kind=proposal&area=E08000004")));
        Assert.DoesNotContain("Saturday language café", WebUtility.HtmlDecode(await moderator.GetStringAsync("/assets/moderation?kind=report")));
        Assert.DoesNotContain("Saturday language café", WebUtility.HtmlDecode(await moderator.GetStringAsync("/assets/moderation?age=7")));
        var csv = await moderator.GetStringAsync("/assets/moderation?handler=export&format=csv");
        Assert.Contains("Saturday language café", csv);
        Assert.DoesNotContain("resident@example.org", csv);

        var page = $"/assets/moderation/proposals/{proposal.Id}";
        Assert.Contains("resident@example.org", WebUtility.HtmlDecode(await moderator.GetStringAsync(page)));
        var accepted = await SignIn.PostFormAsync(moderator, page, [], page + "?handler=accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        db.ChangeTracker.Clear();
        var draft = await db.AssetServices.WithParts().AsNoTracking().SingleAsync();
        Assert.Equal($"/assets/{draft.Id:D}/edit", accepted.Headers.Location?.OriginalString);
        Assert.Equal((Publication.Draft, (int?)null, "Saturday language café", "St Mark's church hall"), (draft.Publication, draft.MaintainerOrganisationId, draft.Name, draft.Locations.Single().Location!.Address1!));
        Assert.Equal([cafe], draft.Terms.Select(t => t.TermId));
        Assert.Equal(coldhurst, draft.ServiceAreas.Single().AreaId);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/assets/{draft.Id:D}/edit")).StatusCode);
        proposal = await db.AssetProposals.AsNoTracking().SingleAsync();
        Assert.Equal((ModerationState.Accepted, draft.Id, (string?)null, "moderator@example.org"), (proposal.State, proposal.ServiceId!.Value, proposal.ProposerContact, proposal.ResolvedBy!));
        Assert.Equal($"Added from a resident's proposal (number {proposal.Id})", await db.AssetRevisions.Select(r => r.Summary).SingleAsync());
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.Moderation).Select(a => a.Target + ": " + a.Detail).ToListAsync(),
            d => d == $"asset proposal {proposal.Id}: accepted; draft record {draft.Id:D} made; proposer's contact deleted");

        // Another, rejected: a reason is needed.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(resident, "/assets/propose", fields)).StatusCode);
        var second = await db.AssetProposals.OrderBy(p => p.Id).Select(p => p.Id).LastAsync();
        var page2 = $"/assets/moderation/proposals/{second}";
        Assert.Contains("Enter the reason", await TextAsync(await SignIn.PostFormAsync(moderator, page2, [("reason", "")], page2 + "?handler=reject")));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(moderator, page2, [("reason", "Already listed")], page2 + "?handler=reject")).StatusCode);
        var rejected = await db.AssetProposals.AsNoTracking().SingleAsync(p => p.Id == second);
        Assert.Equal((ModerationState.Rejected, "Already listed", (string?)null), (rejected.State, rejected.Resolution!, rejected.ProposerContact));
    }

    [Theory]
    [BothProviders]
    public async Task AProblemReportAcceptedMarksTheRecordForItsMaintainerAndDefunctNeedsConfirming(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "owner@example.org", Role.Contributor, "Owner partner");
        var (moderator, _, _) = await SignIn.NewUserClientAsync(app, "moderator@example.org", Role.Analyst, "Council");
        var id = await AssetEditingSetup.RecordAsync(app, "Tuesday lunch club", "Owner partner");
        var draft = await AssetEditingSetup.RecordAsync(app, "Unpublished club", "Owner partner", Publication.Draft);
        using var resident = app.Client();
        var report = $"/assets/{id:D}/report";
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/assets/{draft:D}/report")).StatusCode);
        Assert.Contains("Enter what is wrong", await TextAsync(await SignIn.PostFormAsync(resident, report, ("kind", "Other"), ("details", ""))));
        Assert.Contains("What is wrong holds an email address: take it out.",
            await TextAsync(await SignIn.PostFormAsync(resident, report, ("kind", "ContactDetailsWrong"), ("details", "It should be lunch@example.org"))));
        var sent = await SignIn.PostFormAsync(resident, report, ("kind", "NoLongerExists"), ("details", "The hall has been locked for months."));
        Assert.Equal($"/assets/{id:D}/report/sent", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(resident, report, ("kind", "InformationUnclear"), ("details", ""))).StatusCode);
        await using var db = app.Database.Context();
        var reports = await db.AssetProblemReports.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal(2, reports.Count);
        // Waiting reports show on the maintainer's list before anyone has moderated them.
        Assert.Contains("2 problem reports waiting for moderation", WebUtility.HtmlDecode(await owner.GetStringAsync("/assets/mine")));

        var queue = WebUtility.HtmlDecode(await moderator.GetStringAsync("/assets/moderation?kind=NoLongerExists"));
        Assert.Contains("It no longer exists", queue);
        Assert.DoesNotContain("Information is unclear", queue);

        var page = $"/assets/moderation/reports/{reports[0]}";
        var unconfirmed = await SignIn.PostFormAsync(moderator, page, [("status", "Defunct"), ("note", "")], page + "?handler=accept");
        Assert.Contains("Confirm that Tuesday lunch club has closed for good before marking it so", await TextAsync(unconfirmed));
        Assert.Equal(1, await db.AssetServices.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var accepted = await SignIn.PostFormAsync(moderator, page, [("status", "Defunct"), ("confirm", "yes"), ("note", "Ask the church whether it moved")], page + "?handler=accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var s = await db.AssetServices.AsNoTracking().SingleAsync(x => x.Id == id);
        Assert.Equal((ServiceStatus.Defunct, ReviewStatus.NeedsChecking, 2), (s.Status, s.Review, s.Version));
        Assert.Equal("A resident's report accepted (it no longer exists): needs checking; marked closed for good (defunct)",
            await db.AssetRevisions.Where(r => r.ServiceId == id && r.Version == 2).Select(r => r.Summary).SingleAsync());

        var page2 = $"/assets/moderation/reports/{reports[1]}";
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(moderator, page2, [("reason", "The description is clear")], page2 + "?handler=dismiss")).StatusCode);
        Assert.Equal([ModerationState.Accepted, ModerationState.Rejected], await db.AssetProblemReports.OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
        Assert.Equal(
            [$"moderator@example.org asset problem report {reports[0]}: accepted; asset {id:D} needs checking; marked closed for good (defunct)",
             $"moderator@example.org asset problem report {reports[1]}: dismissed: The description is clear"],
            await db.AuditEntries.Where(a => a.Action == AuditActions.Moderation).OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Target + ": " + a.Detail).ToListAsync());

        var mine = WebUtility.HtmlDecode(await owner.GetStringAsync("/assets/mine"));
        Assert.Contains("Needs checking: a resident reported “it no longer exists”, Ask the church whether it moved", mine);
        Assert.Contains("Unpublished club", mine); // never checked
        Assert.Contains("tuesday lunch club", (await owner.GetStringAsync("/assets/mine?handler=export&format=csv")).ToLowerInvariant());

        // The maintainer checks it: no longer needing attention for that reason.
        var edit = $"/assets/{id:D}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(owner, edit, (await AssetEditingSetup.FieldsAsync(owner, edit)).With(("checked", "yes")))).StatusCode);
        Assert.DoesNotContain(">Tuesday lunch club</a>", WebUtility.HtmlDecode(await owner.GetStringAsync("/assets/mine")));
    }

    [Theory]
    [BothProviders]
    public async Task ResidentsSubmissionsAreRateLimitedAndARefusedFormKeepsWhatWasTyped(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, "--Cohesion:Security:PublicFormPermitPerMinute", "2");
        var id = await AssetEditingSetup.RecordAsync(app, "Park run", null);
        using var resident = app.Client();
        (string, string)[] fields = [("kind", "Space"), ("name", "Community orchard"), ("description", "Fruit trees anyone can pick from.")];
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(resident, "/assets/propose", fields)).StatusCode);
        // A form with errors takes no permit.
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostFormAsync(resident, "/assets/propose", ("kind", "Space"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(resident, $"/assets/{id:D}/report", ("kind", "InformationUnclear"))).StatusCode);
        var refused = await SignIn.PostFormAsync(resident, "/assets/propose", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = await TextAsync(refused);
        Assert.Contains("Please wait a minute before you send this", html);
        Assert.Contains("value=\"Community orchard\"", html);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn.PostFormAsync(resident, $"/assets/{id:D}/report", ("kind", "InformationUnclear"))).StatusCode);
        await using var db = app.Database.Context();
        Assert.Equal((1, 1), (await db.AssetProposals.CountAsync(), await db.AssetProblemReports.CountAsync()));
    }
}
