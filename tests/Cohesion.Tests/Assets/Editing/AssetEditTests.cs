using System.Globalization;
using System.Net;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Assets.Taxonomy;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.Editing;

/// <summary>Staff add and change directory records through the form: every save a new version with its revision and audit entry.</summary>
public class AssetEditTests
{
    static string Inv(double d) => d.ToString("0.######", CultureInfo.InvariantCulture);

    [Theory]
    [BothProviders]
    public async Task AContributorAddsARecordAndChangesItAsNewVersionsWithRevisionsAndAudit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Werneth Partnership");
        var (point, lsoa, _) = await AssetEditingSetup.PointInLsoaAsync(app);
        var esol = CohesionTaxonomy.TermId(CohesionTaxonomy.ActivityId, "esol");
        var women = CohesionTaxonomy.TermId(CohesionTaxonomy.AudienceId, "women");
        await using var db0 = app.Database.Context();
        var coldhurst = await db0.Areas.Where(a => a.Code == "E05000723").Select(a => a.Id).SingleAsync();
        var partner = await db0.Organisations.Where(o => o.Name == "Werneth Partnership").Select(o => o.Id).SingleAsync();

        var fields = (await AssetEditingSetup.FieldsAsync(staff, "/assets/new")).With(
            ("kind", "Service"), ("name", "Werneth women's conversation club"), ("description", "Practise spoken English over tea."),
            ("url", "https://example.org/club"), ("email", "club@example.org"), ("organisation", "Werneth Community Trust"),
            ("maintainer", partner.ToString(CultureInfo.InvariantCulture)), ("status", "Active"), ("publication", "Published"),
            ("activity", esol.ToString()), ("audience", women.ToString()), ("language", "ur"), ("area", coldhurst.ToString(CultureInfo.InvariantCulture)),
            ("min-age", "16"), ("cost", "free"),
            ("location-0-name", "Werneth library"), ("location-0-postcode", "ol8 1aa"), ("location-0-latitude", Inv(point.Latitude)), ("location-0-longitude", Inv(point.Longitude)),
            ("location-0-access", "Step-free access"),
            ("schedule-0-repeat", "weekly"), ("schedule-0-days", "TU"), ("schedule-0-opens", "10:00"), ("schedule-0-closes", "11.30"),
            ("phone-0-number", "0161 770 3000"), ("checked", "yes"));
        fields.Add(("language", "pl"));
        var added = await SignIn.PostFormAsync(staff, "/assets/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = app.Database.Context();
        var s = await db.AssetServices.WithParts().AsNoTracking().SingleAsync();
        Assert.Equal($"/assets/{s.Id:D}/edit", added.Headers.Location?.OriginalString);
        Assert.Equal((1, "Werneth women's conversation club", Publication.Published, partner, ReviewStatus.Checked), (s.Version, s.Name, s.Publication, s.MaintainerOrganisationId!.Value, s.Review));
        Assert.Equal(Cohesion.Admin.UkTime.Today, s.LastCheckedOn);
        Assert.Equal("Werneth Community Trust", s.Organisation!.Name);
        var location = s.Locations.Single().Location!;
        Assert.Equal(("OL8 1AA", lsoa), (location.Postcode, location.AreaId!.Value));
        Assert.Equal("Step-free access", location.Accessibility.Single().Description);
        Assert.Equal((ScheduleFrequency.Weekly, "TU", new TimeOnly(10, 0), new TimeOnly(11, 30)), (s.Schedules.Single().Freq, s.Schedules.Single().ByDay, s.Schedules.Single().OpensAt!.Value, s.Schedules.Single().ClosesAt!.Value));
        Assert.Equal(["pl", "ur"], s.Languages.Select(l => l.Code!).Order());
        Assert.Equal([esol, women], s.Terms.Select(t => t.TermId).OrderBy(t => t == esol ? 0 : 1));
        Assert.Equal(("Coldhurst", coldhurst), (s.ServiceAreas.Single().Name, s.ServiceAreas.Single().AreaId!.Value));
        Assert.True(s.IsFree);

        // Change: rename, drop the phone, add a monthly time; the location keeps its id.
        var edit = $"/assets/{s.Id:D}/edit";
        var again = (await AssetEditingSetup.FieldsAsync(staff, edit)).With(("name", "Werneth conversation club"), ("phone-0-remove", "yes"),
            ("schedule-count", "2"), ("schedule-1-repeat", "monthly"), ("schedule-1-week", "-1"), ("schedule-1-weekday", "FR"), ("schedule-1-opens", "18:30"));
        var changed = await SignIn.PostFormAsync(staff, edit, again);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        db.ChangeTracker.Clear();
        var v2 = await db.AssetServices.WithParts().AsNoTracking().SingleAsync();
        Assert.Equal((2, "Werneth conversation club", 0), (v2.Version, v2.Name, v2.Phones.Count));
        Assert.Equal(location.Id, v2.Locations.Single().LocationId);
        Assert.Contains(v2.Schedules, x => x is { Freq: ScheduleFrequency.Monthly, ByDay: "-1FR" });
        Assert.True(v2.UpdatedAt > s.UpdatedAt);
        var revisions = await db.AssetRevisions.Where(r => r.ServiceId == s.Id).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.Equal("Changed name; removed a phone; added a time", revisions[1].Summary);
        Assert.Equal("Werneth conversation club", Revisions.Deserialise(revisions[1].SnapshotJson).Name);
        Assert.Equal("worker@example.org", revisions[1].ChangedBy);
        var audit = await db.AuditEntries.Where(a => a.Target == $"asset {s.Id:D}").OrderBy(a => a.Id).Select(a => $"{a.Actor} {a.Action}: {a.Detail}").ToListAsync();
        Assert.Equal([
            "worker@example.org asset-created: \"Werneth women's conversation club\" (Service, Published): Added",
            "worker@example.org asset-changed: version 2: Changed name; removed a phone; added a time"], audit);

        // Saving again with nothing changed is still a version (someone checked it), said so.
        var same = await SignIn.PostFormAsync(staff, edit, await AssetEditingSetup.FieldsAsync(staff, edit));
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Equal("Saved with no changes", await db.AssetRevisions.Where(r => r.ServiceId == s.Id && r.Version == 3).Select(r => r.Summary).SingleAsync());
    }

    [Theory]
    [BothProviders]
    public async Task OnlyTheMaintainersStaffAdminsAndForUnmaintainedRecordsDirectoryStaffMayEdit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (owner, _, _) = await SignIn.NewUserClientAsync(app, "owner@example.org", Role.Contributor, "Owner partner");
        var (other, _, _) = await SignIn.NewUserClientAsync(app, "other@example.org", Role.Contributor, "Other partner");
        var (analyst, _, _) = await SignIn.NewUserClientAsync(app, "analyst@example.org", Role.Analyst, "Council");
        var (viewer, _, _) = await SignIn.NewUserClientAsync(app, "viewer@example.org", Role.Viewer, "Owner partner");
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        using var anonymous = app.Client();
        var published = await AssetEditingSetup.RecordAsync(app, "Published club", "Owner partner");
        var draft = await AssetEditingSetup.RecordAsync(app, "Draft club", "Owner partner", Publication.Draft);
        var directory = await AssetEditingSetup.RecordAsync(app, "Unmaintained hall", null);
        var offer = await AssetEditingSetup.RecordAsync(app, "Offer without consent", "Owner partner", Publication.Published, AssetKind.Offer);

        var signIn = await anonymous.GetAsync($"/assets/{published:D}/edit");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/sign-in", signIn.Headers.Location?.PathAndQuery ?? signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/assets/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/assets/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/assets/new")).StatusCode);

        foreach (var (http, id, status) in new (HttpClient, Guid, HttpStatusCode)[]
        {
            (owner, published, HttpStatusCode.OK), (owner, draft, HttpStatusCode.OK), (owner, offer, HttpStatusCode.OK), (owner, directory, HttpStatusCode.Forbidden),
            (other, published, HttpStatusCode.Forbidden), (other, draft, HttpStatusCode.NotFound), (other, offer, HttpStatusCode.NotFound), (other, directory, HttpStatusCode.Forbidden),
            (viewer, published, HttpStatusCode.Forbidden), (viewer, draft, HttpStatusCode.Forbidden),
            (analyst, directory, HttpStatusCode.OK), (analyst, published, HttpStatusCode.Forbidden), (analyst, draft, HttpStatusCode.Forbidden),
            (admin, published, HttpStatusCode.OK), (admin, draft, HttpStatusCode.OK), (admin, directory, HttpStatusCode.OK),
            (owner, Guid.NewGuid(), HttpStatusCode.NotFound),
        })
            Assert.True(status == (await http.GetAsync($"/assets/{id:D}/edit")).StatusCode, $"{id} should answer {status}");

        // Posting is refused the same way, and changes nothing.
        var fields = await AssetEditingSetup.FieldsAsync(owner, $"/assets/{published:D}/edit");
        // (A field called "status" once made the 403 page answer 500: the error page read the status from the form.)
        var refused = await SignIn.PostFormAsync(other, "/assets/new", fields.With(("name", "Taken over")), $"/assets/{published:D}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = app.Database.Context();
        Assert.Equal(("Published club", 1), await db.AssetServices.Where(s => s.Id == published).Select(s => new { s.Name, s.Version }).SingleAsync() is var p ? (p.Name, p.Version) : default);
    }

    [Theory]
    [BothProviders]
    public async Task ValidationErrorsNameTheFieldAndTheValueAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Owner partner");
        var id = await AssetEditingSetup.RecordAsync(app, "Sewing circle", "Owner partner");
        var edit = $"/assets/{id:D}/edit";
        var fields = (await AssetEditingSetup.FieldsAsync(staff, edit)).With(
            ("name", ""), ("url", "javascript:alert(1)"), ("email", "not an email"), ("min-age", "40"), ("max-age", "12"), ("kind", "Offer"),
            ("location-0-postcode", "OL1"), ("location-0-latitude", "53.5"), ("location-0-longitude", ""),
            ("schedule-0-repeat", "weekly"), ("schedule-0-opens", "25:00"),
            ("phone-0-number", "12345"), ("capacity", "lots"), ("description", new string('x', 4001)));
        var r = await SignIn.PostFormAsync(staff, edit, fields);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        foreach (var (field, message) in new[]
        {
            ("name", "Enter name"),
            ("description", "Description must be 4,000 characters or fewer (you entered 4,001)"),
            ("url", "Website must be a web address starting with http:// or https:// (you entered 'javascript:alert(1)')"),
            ("email", "Email address must be an email address like name@example.org (you entered 'not an email')"),
            ("max-age", "Oldest age (12) must be the same as or more than the youngest age (40)"),
            ("consent", "An offer cannot be published until the date the offerer agreed to be listed is recorded"),
            ("capacity", "How many people it holds must be a whole number from 1 to 100,000 (you entered 'lots')"),
            ("location-0-postcode", "Postcode of place 1 must be a full UK postcode like OL1 1UT (you entered 'OL1')"),
            ("location-0-longitude", "Enter both the latitude and the longitude of place 1, or neither"),
            ("schedule-0-opens", "Opening time of time 1 must be a time on the 24-hour clock like 09:30 or 18:00 (you entered '25:00')"),
            ("schedule-0-days", "Choose the days of the week of time 1"),
            ("phone-0-number", "Phone number 1 must be a UK phone number like 0161 770 3000 or +44 161 770 3000 (you entered '12345')"),
        })
            Assert.Contains($"<a href=\"#{field}\">{message}", html);
        Assert.Contains("value=\"javascript:alert(1)\"", html); // shown back as typed, to correct
        await using var db = app.Database.Context();
        var s = await db.AssetServices.WithParts().AsNoTracking().SingleAsync();
        Assert.Equal(("Sewing circle", 1, AssetKind.Service, "OL1 1UT"), (s.Name, s.Version, s.Kind, s.Locations.Single().Location!.Postcode));
        Assert.Equal(1, await db.AssetRevisions.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AssetChanged));
    }

    [Theory]
    [BothProviders]
    public async Task AnOfferIsPublishedOnlyWithConsentRecorded(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Owner partner");
        var fields = (await AssetEditingSetup.FieldsAsync(staff, "/assets/new")).With(("kind", "Offer"), ("name", "Help with forms in Urdu"),
            ("description", "An hour a week helping neighbours with letters and forms."), ("organisation", "Residents of Glodwick"), ("offered-by", "Amina"),
            ("publication", "Published"), ("contact-0-email", "amina@example.org"), ("contact-consent", "yes"));
        var refused = await SignIn.PostFormAsync(staff, "/assets/new", fields);
        Assert.Contains("An offer cannot be published until the date the offerer agreed to be listed is recorded", await refused.Content.ReadAsStringAsync());
        var future = Cohesion.Admin.UkTime.Today.AddDays(2);
        var tooSoon = await SignIn.PostFormAsync(staff, "/assets/new", fields.With(("consent-day", future.Day.ToString(CultureInfo.InvariantCulture)),
            ("consent-month", future.Month.ToString(CultureInfo.InvariantCulture)), ("consent-year", future.Year.ToString(CultureInfo.InvariantCulture))));
        Assert.Contains("The date they agreed to be listed must be today or in the past", await tooSoon.Content.ReadAsStringAsync());
        await using var db = app.Database.Context();
        Assert.False(await db.AssetServices.AnyAsync());
        var ok = await SignIn.PostFormAsync(staff, "/assets/new", fields.With(("consent-day", "2"), ("consent-month", "3"), ("consent-year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var s = await db.AssetServices.SingleAsync();
        Assert.Equal((new DateOnly(2026, 3, 2), true, "Amina"), (s.ConsentRecordedOn!.Value, s.ContactConsent, s.OfferedBy));
        Assert.Equal(1, await db.AssetServices.Published().CountAsync());
    }

    [Theory]
    [BothProviders]
    public async Task ASaveMadeToAVersionSomeoneElseReplacedIsRefusedAndShowsTheirs(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (first, _, _) = await SignIn.NewUserClientAsync(app, "first@example.org", Role.Contributor, "Owner partner");
        var (second, _, _) = await SignIn.NewUserClientAsync(app, "second@example.org", Role.Contributor, "Owner partner");
        var id = await AssetEditingSetup.RecordAsync(app, "Allotment society", "Owner partner");
        var edit = $"/assets/{id:D}/edit";
        var firstForm = await AssetEditingSetup.FieldsAsync(first, edit);
        var secondForm = await AssetEditingSetup.FieldsAsync(second, edit);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(first, edit, firstForm.With(("name", "Allotment society (first)")))).StatusCode);
        // "Add another" keeps the version the form was opened at, so the save after it is still caught.
        var another = await SignIn.PostFormAsync(second, edit, secondForm.With(("add", "location")));
        Assert.Contains("name=\"version\" value=\"1\"", await another.Content.ReadAsStringAsync());
        var stale = await SignIn.PostFormAsync(second, edit, secondForm.With(("name", "Allotment society (second)")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this record (version 2, by first@example.org at", html);
        Assert.Contains("value=\"Allotment society (first)\"", html);
        await using var db = app.Database.Context();
        var saved = await db.AssetServices.SingleAsync();
        Assert.Equal(("Allotment society (first)", 2), (saved.Name, saved.Version));
        Assert.Equal(2, await db.AssetRevisions.CountAsync());
        // Archiving from a stale page is refused the same way.
        var archive = await SignIn.PostFormAsync(second, edit, [("version", "1")], edit + "?handler=archive");
        Assert.Equal(HttpStatusCode.Conflict, archive.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(second, edit, [("version", "2")], edit + "?handler=archive")).StatusCode);
        db.ChangeTracker.Clear();
        saved = await db.AssetServices.SingleAsync();
        Assert.Equal((Publication.Archived, 3), (saved.Publication, saved.Version));
    }
}
