using System.Net;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Tests.Infrastructure;
using Cohesion.Tests.Tensions.Watch;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Weekly;

/// <summary>The weekly tension report on a small fixture, every figure worked out by hand, on the page and in the audited download.</summary>
public class WeeklyReportTests
{
    [Theory]
    [BothProviders]
    public async Task WeeklyReportFiguresMatchTheHandCount(DatabaseProvider provider)
    {
        await using var app = await WatchFixture.StartAsync(provider);
        var (wardA, lsoaA, wardB, lsoaB, district) = await WatchFixture.AreasAsync(app);
        var org = await WatchFixture.OrganisationAsync(app);
        var week = Weeks.Current(DateTime.UtcNow) - 2;
        var monday = Weeks.Monday(week);
        DateTime In(int weeksAgo) => WatchFixture.Midweek(monday, -weeksAgo);
        // This week: 3 hate incidents (2 race, 1 race and religion) and a rumour; the week before: 1 hate incident; five weeks before: 6.
        await WatchFixture.AddAsync(app, org, lsoaA, In(0), 2, ReportType.HateIncident, Strands.RaceOrEthnicity);
        await WatchFixture.AddAsync(app, org, lsoaB, In(0), 1, ReportType.HateIncident, Strands.RaceOrEthnicity | Strands.ReligionOrBelief);
        await WatchFixture.AddAsync(app, org, wardB, In(0), 1, ReportType.Rumour);
        await WatchFixture.AddAsync(app, org, lsoaA, In(1), 1, ReportType.HateIncident, Strands.Disability);
        await WatchFixture.AddAsync(app, org, lsoaA, In(5), 6, ReportType.HateIncident, Strands.RaceOrEthnicity);
        await WatchFixture.AddAsync(app, org, lsoaA, In(0), 3, ReportType.HateIncident, Strands.RaceOrEthnicity, ReportTriage.Rejected); // not counted
        await WatchFixture.AddAsync(app, org, lsoaA, In(13), 12, ReportType.HateIncident); // outside the 12 weeks
        await using (var db = app.Database.Context())
        {
            var a = new TensionAssessment { AreaId = wardA.Id, WeekStart = monday, Level = 3, Summary = "Rising", OrganisationId = org, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            a.Evidence.AddRange([new() { Kind = EvidenceKind.Evidenced, Text = "Reports" }, new() { Kind = EvidenceKind.Evidenced, Text = "Police data" }, new() { Kind = EvidenceKind.Potential, Text = "A march" }]);
            a.Actions.AddRange([
                new() { Description = "Due this week", Owner = "Council", DueOn = monday.AddDays(3), State = ActionState.Open, CreatedAt = DateTime.UtcNow },
                new() { Description = "Overdue", Owner = "Police", DueOn = monday.AddDays(-10), State = ActionState.Open, CreatedAt = DateTime.UtcNow },
                new() { Description = "Done this week", Owner = "Mosque", DueOn = monday.AddDays(-3), State = ActionState.Done, DoneOn = monday.AddDays(1), CreatedAt = DateTime.UtcNow }]);
            db.TensionAssessments.AddRange(a,
                new TensionAssessment { AreaId = wardA.Id, WeekStart = monday.AddDays(-7), Level = 2, Summary = "Some strain", OrganisationId = org, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow },
                new TensionAssessment { AreaId = wardB.Id, WeekStart = monday, Level = 1, Summary = "Calm", OrganisationId = org, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var http = app.Client();
        await SignIn.AdminAsync(app, http);
        var iso = Weeks.Iso(week);
        var html = WebUtility.HtmlDecode(await http.GetStringAsync($"/tensions/weekly?district={district.Code}&week={iso}"));
        Assert.Contains("Up 1", html, StringComparison.Ordinal);
        Assert.Contains("New this week", html, StringComparison.Ordinal);
        Assert.Contains("2 evidenced (records show it), 0 experienced (people report it), 1 potential", html, StringComparison.Ordinal);
        Assert.Contains("1 due this week, 1 overdue, 1 done this week", html, StringComparison.Ordinal);

        var csv = await http.GetStringAsync($"/tensions/weekly?handler=export&district={district.Code}&week={iso}&format=csv");
        // Hate incidents: 3 this week, 1 the week before, (1 + 6) / 12 = 0.58 over the 12 weeks before.
        Assert.Contains("reports by type,hate-incident,Hate incident,3,1,0.58,", csv, StringComparison.Ordinal);
        Assert.Contains("reports by type,rumour,Rumour,1,0,0,", csv, StringComparison.Ordinal);
        Assert.Contains("reports by strand,race-or-ethnicity,Race or ethnicity,3,0,0.5,", csv, StringComparison.Ordinal);
        Assert.Contains("reports by strand,religion-or-belief,Religion or belief,1,0,0,", csv, StringComparison.Ordinal);
        Assert.Contains("reports by strand,disability,Disability,0,1,0.08,", csv, StringComparison.Ordinal);
        Assert.Contains("reports,all,All reports,4,1,0.58,", csv, StringComparison.Ordinal);
        Assert.Contains($"level,{wardA.Code},{wardA.Name},3,2,,Up 1", csv, StringComparison.Ordinal);
        Assert.Contains("actions,overdue,Actions overdue,1,", csv, StringComparison.Ordinal);
        await using (var db = app.Database.Context())
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Export && e.Target == $"tension-weekly-{district.Code}-{iso}.csv"));

        var wrong = await http.GetAsync($"/tensions/weekly?district={district.Code}&week=2026-W60");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("2026-W60", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
