using System.Net;
using Cohesion.Accounts;
using Cohesion.Assets.Model;
using Cohesion.Assets.Read;
using Cohesion.Data;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Assets.Editing;

/// <summary>Every version is kept: the history lists them, a version shows what changed, restoring saves an old one as the newest; deleting keeps the history.</summary>
public class AssetHistoryTests
{
    [Theory]
    [BothProviders]
    public async Task AVersionShowsWhatChangedAndRestoringSavesItAsTheNewestVersion(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Owner partner");
        var id = await AssetEditingSetup.RecordAsync(app, "Knit and natter", "Owner partner");
        var edit = $"/assets/{id:D}/edit";
        var changed = await SignIn.PostFormAsync(staff, edit, (await AssetEditingSetup.FieldsAsync(staff, edit)).With(("name", "Knit, natter and tea"), ("location-0-postcode", "OL4 1AB")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var history = WebUtility.HtmlDecode(await staff.GetStringAsync($"/assets/{id:D}/history"));
        Assert.Contains("Version 2</a> (current)", history);
        Assert.Contains("Changed name; changed a place", history);
        Assert.Contains("Created by the test", history);
        var version = WebUtility.HtmlDecode(await staff.GetStringAsync($"/assets/{id:D}/history/2"));
        Assert.Contains("What changed since version 1", version);
        Assert.Matches(@">Name</th>\s*<td class=""govuk-table__cell"">Knit and natter</td>\s*<td class=""govuk-table__cell"">Knit, natter and tea</td>", version);
        Assert.Contains("Community hall, OL1 1UT", version);
        Assert.Contains("Community hall, OL4 1AB", version);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/assets/{id:D}/history/9")).StatusCode);

        // Restore version 1: saved as version 3; the history keeps all three.
        var restore = $"/assets/{id:D}/history/1/restore";
        Assert.Contains("Restore version 1?", await staff.GetStringAsync(restore));
        var restored = await SignIn.PostFormAsync(staff, restore, ("current", "2"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        await using var db = app.Database.Context();
        var s = await db.AssetServices.WithParts().AsNoTracking().SingleAsync();
        Assert.Equal(("Knit and natter", 3, "OL1 1UT"), (s.Name, s.Version, s.Locations.Single().Location!.Postcode));
        Assert.Equal(["Created by the test", "Changed name; changed a place", "Restored version 1"],
            await db.AssetRevisions.Where(r => r.ServiceId == id).OrderBy(r => r.Version).Select(r => r.Summary).ToListAsync());
        Assert.Equal("worker@example.org asset-changed: version 3: Restored version 1",
            await db.AuditEntries.Where(a => a.Action == AuditActions.AssetChanged).OrderByDescending(a => a.Id).Select(a => a.Actor + " " + a.Action + ": " + a.Detail).FirstAsync());
        // From a page opened before that restore: refused, nothing saved.
        var stale = await SignIn.PostFormAsync(staff, $"/assets/{id:D}/history/2/restore", ("current", "2"));
        Assert.Contains("Someone saved version 3 of this record since you opened this page", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(3, await db.AssetRevisions.CountAsync());

        // The history downloads, audited.
        var csv = await staff.GetStringAsync($"/assets/{id:D}/history?handler=export&format=csv");
        Assert.StartsWith("\uFEFFversion,changed_at,changed_by,summary", csv);
        Assert.Contains("3,", csv);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.Target == $"asset-history-{id:D}.csv"));
    }

    [Theory]
    [BothProviders]
    public async Task OnlyAnAdministratorDeletesARecordByTypingItsNameAndItsHistoryIsKept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (staff, _, _) = await SignIn.NewUserClientAsync(app, "worker@example.org", Role.Contributor, "Owner partner");
        using var admin = app.Client();
        await SignIn.AdminAsync(app, admin);
        var id = await AssetEditingSetup.RecordAsync(app, "Old youth club", "Owner partner");
        var delete = $"/assets/{id:D}/delete";
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(delete)).StatusCode);
        var wrong = await SignIn.PostFormAsync(admin, delete, ("confirm", "Old youth"));
        Assert.Contains("That is not the record&#x27;s name (you typed &#x27;Old youth&#x27;): type Old youth club exactly", await wrong.Content.ReadAsStringAsync());
        await using var db = app.Database.Context();
        Assert.Equal(1, await db.AssetServices.CountAsync());
        var deleted = await SignIn.PostFormAsync(admin, delete, ("confirm", "Old youth club"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await db.AssetServices.CountAsync());
        Assert.Equal(0, await db.AssetLocations.CountAsync());
        Assert.Equal(1, await db.AssetRevisions.CountAsync(r => r.ServiceId == id));
        Assert.Equal($"{SignIn.AdminEmail} asset {id:D}: \"Old youth club\" deleted at version 1; its 1 revisions are kept",
            await db.AuditEntries.Where(a => a.Action == AuditActions.AssetDeleted).Select(a => a.Actor + " " + a.Target + ": " + a.Detail).SingleAsync());
    }
}
