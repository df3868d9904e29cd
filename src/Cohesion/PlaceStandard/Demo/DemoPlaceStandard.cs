using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.PlaceStandard.Demo;

/// <summary>
/// The demo's synthetic Place Standard engagements for Oldham: several wards (Coldhurst and Werneth in 2023 and 2025,
/// so the compass can lay one year over another), an MSOA, and a district-wide engagement still open to responses.
/// Made from a seed, so every start makes the same data; owned by a demo organisation; labelled synthetic everywhere.
/// </summary>
public static class DemoPlaceStandard
{
    public const string Owner = "Oldham Place Partnership (demo)";
    public const ulong Seed = 2015;

    /// <summary>One demo engagement: where, when, how many, and the mean score each theme is drawn around.</summary>
    sealed record Plan(string Name, string Title, string AreaCode, string Period, int Individuals, int Groups, double[] Means, double SouthAsianShare, bool Open, bool WithPersonalData);

    static double[] Shift(double[] means, params (int Theme, double By)[] changes)
    {
        var m = (double[])means.Clone();
        foreach (var (t, by) in changes) m[t - 1] += by;
        return m;
    }

    static readonly double[] Coldhurst = [4.2, 5.2, 3.0, 3.2, 3.4, 3.1, 4.4, 2.8, 2.9, 4.6, 4.5, 3.3, 2.7, 2.6];
    static readonly double[] Werneth = [4.4, 5.0, 3.2, 3.5, 3.9, 3.4, 4.2, 3.0, 3.1, 4.4, 4.3, 3.5, 3.0, 2.7];
    static readonly double[] Typical = [4.6, 4.8, 3.6, 3.9, 4.4, 4.0, 4.3, 3.5, 3.6, 4.2, 4.3, 3.9, 3.5, 2.9];

    static readonly Plan[] Plans =
    [
        new("coldhurst-2023", "Coldhurst Place Standard 2023", "E05000723", "2023", 64, 3, Coldhurst, 0.72, false, false),
        new("coldhurst-2025", "Coldhurst Place Standard 2025", "E05000723", "2025", 78, 4, Shift(Coldhurst, (6, 0.9), (5, 0.4), (13, 0.6), (14, 0.5), (12, -0.3)), 0.74, false, true),
        new("werneth-2023", "Werneth Place Standard 2023", "E05000738", "2023", 58, 2, Werneth, 0.62, false, false),
        new("werneth-2025", "Werneth Place Standard 2025", "E05000738", "2025", 71, 3, Shift(Werneth, (3, -0.4), (4, 0.3), (8, 0.3), (9, -0.2), (10, 0.3)), 0.64, false, true),
        new("saddleworth-north-2025", "Saddleworth North Place Standard 2025", "E05000731", "2025", 55, 2, [4.8, 2.6, 4.0, 5.2, 6.3, 5.0, 3.6, 4.0, 4.6, 4.8, 5.6, 6.0, 5.3, 3.8], 0.03, false, false),
        new("st-marys-2025", "St Mary's Place Standard 2025", "E05000735", "2025", 52, 2, [4.5, 5.3, 3.1, 3.4, 3.6, 3.3, 4.6, 3.2, 3.0, 4.1, 4.0, 3.2, 2.9, 2.8], 0.66, false, false),
        new("oldham-015-2025", "Oldham 015 neighbourhood Place Standard 2025", "E02001112", "2025", 40, 1, Typical, 0.35, false, false),
        new("oldham-2026", "Oldham Place Standard 2026", DemoPlace.DistrictCode, "2026", 36, 1, Shift(Typical, (2, -0.2), (14, 0.2)), 0.25, true, true),
    ];

    /// <summary>Whether the demo place is present and its Place Standard engagements are not (plain SQL: cheap at start-up).</summary>
    public static async Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct = default)
    {
        if ((await db.QueryAsync("SELECT 1 FROM areas WHERE code = @c LIMIT 1", _ => 1, ct, ("@c", DemoPlace.DistrictCode))).Count == 0) return false;
        return (await db.QueryAsync("SELECT 1 FROM ps_engagements WHERE name = @n LIMIT 1", _ => 1, ct, ("@n", Plans[0].Name))).Count == 0;
    }

    /// <summary>Seeds the demo engagements in one transaction; returns how many assessments it made (0 when there was nothing to do).</summary>
    public static async Task<int> SeedAsync(CohesionDb db, CancellationToken ct = default)
    {
        if (!await NeedsSeedingAsync(db, ct)) return 0;
        var areas = await db.Areas.AsNoTracking().Where(a => Plans.Select(p => p.AreaCode).Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Name == Owner, ct);
        if (owner is null)
        {
            owner = OrganisationAdmin.Add(db, Owner, OrganisationKind.Council, Audit.SystemActor, "");
            await db.SaveChangesAsync(ct);
        }
        var made = 0;
        var on = new DateOnly(2025, 6, 30);
        for (var p = 0; p < Plans.Length; p++)
        {
            var plan = Plans[p];
            if (!areas.TryGetValue(plan.AreaCode, out var areaId)) continue;
            var e = new Engagement
            {
                Name = plan.Name, Title = plan.Title, AreaId = areaId, Period = plan.Period, OwnerOrganisationId = owner.Id, IsOpen = plan.Open, IsPublished = true,
                IsSynthetic = true, CreatedAt = DateTime.UtcNow, CreatedBy = Audit.SystemActor,
                Description = "Synthetic demonstration data: made-up assessments generated from a seed, describing no real person or place's views.",
            };
            db.PsEngagements.Add(e);
            await db.SaveChangesAsync(ct);
            var rng = new DemoRandom(Seed, (ulong)p);
            foreach (var a in Generate(plan, rng)) AssessmentWriter.Add(db, e.Id, a, AssessmentWriter.Demo, on, approveClean: true);
            made += plan.Individuals + plan.Groups;
        }
        db.Record(Audit.SystemActor, AuditActions.PlaceStandardImport, "demo Place Standard engagements for Oldham", $"{Plans.Length} engagements, {made} synthetic assessments");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return made;
    }

    static List<NewAssessment> Generate(Plan plan, DemoRandom rng)
    {
        var list = new List<NewAssessment>(plan.Individuals + plan.Groups);
        // Each made-up comment at most once per engagement, so its page does not read as the same few lines over and over.
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Individuals; i++)
        {
            // A person's general outlook moves all their scores a little together; each theme adds its own noise.
            var outlook = rng.Normal() * 0.6;
            var scores = new int[PlaceStandardThemes.Count];
            for (var t = 0; t < scores.Length; t++)
                scores[t] = rng.Chance(0.04) ? 0 : Score(plan.Means[t] + outlook + rng.Normal() * 1.0);
            var (good, better) = Comments(rng, 0.35, used);
            list.Add(new NewAssessment(AssessmentKind.Individual, 1, null, Pick(rng, AgeBands, 0.08), Pick(rng, ["female", "male"], 0.06),
                Ethnicity(rng, plan.SouthAsianShare), Pick(rng, Disability, 0.1), scores, good, better));
        }
        for (var g = 0; g < plan.Groups; g++)
        {
            var scores = plan.Means.Select(m => Score(m + rng.Normal() * 0.5)).ToArray();
            var (good, better) = Comments(rng, 1.0, used);
            list.Add(new NewAssessment(AssessmentKind.Group, 5 + rng.Below(8), DemoComments.GroupLabels[rng.Below(DemoComments.GroupLabels.Length)],
                null, null, null, null, scores, good, better));
        }
        if (plan.WithPersonalData)
            for (var k = 0; k < DemoComments.WithPersonalData.Length; k++)
            {
                var (theme, kind, text) = DemoComments.WithPersonalData[k];
                var target = list[k * 7];
                (kind == CommentKind.GoodNow ? target.GoodNow : target.CouldBeBetter)[theme - 1] = text;
            }
        return list;
    }

    static int Score(double latent) => Math.Clamp((int)Math.Round(latent, MidpointRounding.AwayFromZero), 1, 7);

    static (string?[] Good, string?[] Better) Comments(DemoRandom rng, double chance, HashSet<string> used)
    {
        var good = new string?[PlaceStandardThemes.Count];
        var better = new string?[PlaceStandardThemes.Count];
        if (!rng.Chance(chance)) return (good, better);
        for (var k = 0; k < 2; k++)
        {
            var t = rng.Below(PlaceStandardThemes.Count);
            var (g, b) = DemoComments.ByTheme[t];
            var isGood = rng.Chance(0.5);
            var text = isGood ? g[rng.Below(g.Length)] : b[rng.Below(b.Length)];
            if (!used.Add(text)) continue;
            (isGood ? good : better)[t] = text;
        }
        return (good, better);
    }

    static readonly string[] AgeBands = ["16-24", "25-34", "25-34", "35-44", "35-44", "45-54", "45-54", "55-64", "65-74", "75+"];
    static readonly string[] Disability = ["no", "no", "no", "no", "yes-a-little", "yes-a-lot"];

    static string? Pick(DemoRandom rng, string[] values, double notStated) => rng.Chance(notStated) ? null : values[rng.Below(values.Length)];

    static string? Ethnicity(DemoRandom rng, double southAsian)
    {
        if (rng.Chance(0.07)) return null;
        if (rng.Chance(southAsian)) return rng.Chance(0.55) ? "asian-bangladeshi" : rng.Chance(0.85) ? "asian-pakistani" : "asian-indian";
        return rng.Below(20) switch { < 15 => "white-british", 15 => "white-other", 16 => "mixed-white-asian", 17 => "black-african", 18 => "white-irish", _ => "other-any" };
    }
}
