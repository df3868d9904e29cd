using System.Net;
using Cohesion.Accounts;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.Tensions.Reports;

/// <summary>People and reports for the reports tests: a small area of Alexandra ward in Oldham, leads made as an administrator would.</summary>
public static class TensionReportSetup
{
    /// <summary>An LSOA of Alexandra ward (E05000719) in the demo place.</summary>
    public const string Lsoa = "E01005320", Ward = "E05000719", District = "E08000004";

    /// <summary>The form's fields for a good report, with <paramref name="changes"/> replacing or adding fields.</summary>
    public static (string, string)[] Fields(params (string Name, string Value)[] changes)
    {
        var day = DateTime.UtcNow.AddDays(-3);
        var fields = new Dictionary<string, string>
        {
            ["occurred-day"] = day.Day.ToString(), ["occurred-month"] = day.Month.ToString(), ["occurred-year"] = day.Year.ToString(), ["time"] = "18:30",
            ["area"] = Lsoa, ["location"] = "Outside 12 Secret Street", ["latitude"] = "53.5409", ["longitude"] = "-2.1114",
            ["type"] = "hate-incident", ["source"] = "partner", ["description"] = "Graffiti naming a family sprayed on their door", ["people"] = "4",
            ["reporter-name"] = "Rhiannon Witness", ["reporter-email"] = "rhiannon@example.org", ["reporter-phone"] = "0161 770 3000", ["reporter-contact"] = "yes",
        };
        foreach (var (n, v) in changes) fields[n] = v;
        return [.. fields.Select(f => (f.Key, f.Value)), ("strands", "race-or-ethnicity"), ("strands", "religion-or-belief"), ("factors", "housing")];
    }

    /// <summary>Logs a report through the form as <paramref name="http"/>; its id.</summary>
    public static async Task<Guid> LogAsync(HttpClient http, params (string, string)[] changes)
    {
        var r = await SignIn.PostFormAsync(http, "/tensions/reports/new", Fields(changes), null);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"logging a report answered {(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return Guid.Parse(r.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Makes the user a monitoring lead of the district (as /tensions/leads does).</summary>
    public static async Task MakeLeadAsync(TestApp app, int userId, string areaCode = District)
    {
        await using var db = app.Database.Context();
        var area = await db.Areas.SingleAsync(a => a.Code == areaCode);
        db.MonitoringLeads.Add(new MonitoringLead { UserId = userId, AreaId = area.Id, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
