using Cohesion.Accounts;
using Cohesion.PlaceStandard;
using Cohesion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tests.PlaceStandard;

/// <summary>Engagements and assessments made straight in the database, and the online form driven the way a browser without JavaScript drives it.</summary>
public static class PlaceStandardSetup
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

    /// <summary>The online assessment, driven as <see cref="PublicForm"/> drives any public form.</summary>
    public sealed class Form(HttpClient http, string engagement) : PublicForm(http, $"/place-standard/{engagement}/respond");
}
