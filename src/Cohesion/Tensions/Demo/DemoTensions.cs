using System.Diagnostics;
using Cohesion.Accounts;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Watch;
using Cohesion.Web;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Tensions.Demo;

/// <summary>
/// The demo's synthetic tension log for Oldham: two years of reports up to the current week (a summer rise, a few a
/// week across the district, most wards quiet most weeks), media items, weekly assessments for four wards, the demo
/// administrator as the district's monitoring lead, and a flashpoint — a burst of race and religion motivated hate
/// incidents in Coldhurst over the last two weeks and this one — for detection to find. Every row is marked
/// synthetic and its text says so. The same seed and date give the same log.
/// </summary>
public static class DemoTensions
{
    public const ulong Seed = 20_260_707;
    public const string FlashpointWard = "E05000723"; // Coldhurst
    const int Years = 2;
    const string Marker = "Synthetic demonstration report.";

    public sealed record Result(int Reports, int Flashpoint, int MediaItems, int Assessments, TimeSpan Took);

    /// <summary>Only into an empty log: a partnership's real reports are never mixed with made-up ones.</summary>
    public static async Task<bool> NeedsSeedingAsync(CohesionDb db, CancellationToken ct) => !await db.AnyRowsAsync("tn_reports", ct);

    static readonly (ReportType Type, double Weight)[] TypeMix =
    [
        (ReportType.HateIncident, 24), (ReportType.HateCrime, 10), (ReportType.CommunityDispute, 14), (ReportType.ProtestOrGathering, 4),
        (ReportType.OnlineIncitement, 8), (ReportType.MediaItem, 3), (ReportType.Rumour, 8), (ReportType.CriminalDamage, 11),
        (ReportType.AntiSocialBehaviour, 15), (ReportType.Other, 3),
    ];

    static readonly (Strands Strand, double Weight)[] StrandMix =
    [
        (Strands.RaceOrEthnicity, 58), (Strands.ReligionOrBelief, 18), (Strands.SexualOrientation, 11), (Strands.Disability, 8), (Strands.TransgenderIdentity, 3), (Strands.MigrationStatus, 2),
    ];

    public static async Task<Result?> SeedAsync(CohesionDb db, AreaStatsCache cache, DateTime utcNow, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var places = await cache.DirectoryAsync(db, ct);
        if (places.Find(DemoPlace.DistrictCode) is not { } district) return null;
        var rollup = new AreaRollup(places);
        var wards = rollup.Wards(district);
        var lsoas = places.InCodeOrder(AreaLevel.Lsoa).Where(l => rollup.Of(l.Id).District?.Id == district.Id).GroupBy(l => rollup.WardOf(l)?.Id ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        var admin = await db.Users.SingleOrDefaultAsync(u => u.Email == FirstAdmin.Email, ct);
        var org = admin?.OrganisationId ?? (await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Council, ct))?.Id;
        if (org is null) return null;

        var rng = new DemoRandom(Seed, 1);
        var current = Weeks.Current(utcNow);
        var firstWeek = current - 52 * Years;
        var wardWeight = wards.Select(_ => 0.4 + 1.2 * rng.Uniform()).ToArray();
        var total = wardWeight.Sum();
        var reports = new List<TensionReport>();
        for (var day = Weeks.Monday(firstWeek); day <= DateOnly.FromDateTime(utcNow); day = day.AddDays(1))
        {
            // About six reports a week across the district, a third more in high summer than in winter.
            var season = 1 + 0.3 * Math.Cos((day.DayOfYear - 200) * 2 * Math.PI / 365.25);
            for (var w = 0; w < wards.Count; w++)
            {
                if (!rng.Chance(6.0 / 7 * season * wardWeight[w] / total)) continue;
                var type = TypeMix[rng.Pick(TypeMix.Select(t => t.Weight).ToArray())].Type;
                var hate = type is ReportType.HateIncident or ReportType.HateCrime;
                var strands = hate || rng.Chance(0.35) ? StrandMix[rng.Pick(StrandMix.Select(s => s.Weight).ToArray())].Strand : Strands.None;
                if (strands == Strands.RaceOrEthnicity && rng.Chance(0.12)) strands |= Strands.ReligionOrBelief;
                reports.Add(Report(rng, org.Value, Place(rng, wards[w], lsoas), day, utcNow, type, strands, $"{Marker} {type.Label()} in {wards[w].Name}."));
            }
        }
        var flash = wards.FirstOrDefault(w => w.Code == FlashpointWard) ?? wards[0];
        var burst = 0;
        foreach (var (weeksAgo, n) in new[] { (2, 4), (1, 9), (0, 3) })
        {
            var monday = Weeks.Monday(current - weeksAgo);
            for (var i = 0; i < n; i++)
            {
                var day = monday.AddDays(rng.Below(7));
                if (day > DateOnly.FromDateTime(utcNow)) day = DateOnly.FromDateTime(utcNow);
                var strands = rng.Chance(0.4) ? Strands.RaceOrEthnicity | Strands.ReligionOrBelief : Strands.RaceOrEthnicity;
                var type = rng.Chance(0.75) ? ReportType.HateIncident : ReportType.HateCrime;
                var r = Report(rng, org.Value, Place(rng, flash, lsoas), day, utcNow, type, strands,
                    $"{Marker} Seeded flashpoint: {type.Label().ToLowerInvariant()} aimed at residents for their ethnicity or faith in {flash.Name}, after a rumour spread online.");
                r.Factors = TensionFactors.MediaCoverage | TensionFactors.LackOfTrust | TensionFactors.CulturalDifferences;
                reports.Add(r);
                burst++;
            }
        }

        var media = Media(rng, org.Value, wards, flash, current, utcNow);
        var assessments = Assessments(org.Value, admin?.Id, wards, flash, current, utcNow);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.TensionReports.AddRange(reports);
        db.MediaItems.AddRange(media);
        db.TensionAssessments.AddRange(assessments);
        if (admin is not null && !await db.MonitoringLeads.AnyAsync(l => l.UserId == admin.Id && l.AreaId == district.Id, ct))
            db.MonitoringLeads.Add(new MonitoringLead { UserId = admin.Id, AreaId = district.Id, EmailAlerts = false, CreatedAt = utcNow });
        db.Record(Audit.SystemActor, AuditActions.TensionReportImport, "demo tension log Oldham", $"{reports.Count} synthetic reports ({burst} in the seeded flashpoint), {media.Count} media items, {assessments.Count} assessments");
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new Result(reports.Count, burst, media.Count, assessments.Count, clock.Elapsed);
    }

    static AreaInfo Place(DemoRandom rng, AreaInfo ward, Dictionary<int, List<AreaInfo>> lsoas) =>
        lsoas.TryGetValue(ward.Id, out var list) && list.Count > 0 && !rng.Chance(0.1) ? list[rng.Below(list.Count)] : ward;

    static TensionReport Report(DemoRandom rng, int org, AreaInfo area, DateOnly day, DateTime utcNow, ReportType type, Strands strands, string text)
    {
        var at = day.ToDateTime(new TimeOnly(8 + rng.Below(14), rng.Below(60)), DateTimeKind.Utc);
        if (at > utcNow) at = utcNow.AddMinutes(-rng.Below(60) - 1);
        var source = type == ReportType.MediaItem ? ReportSource.MediaMonitoring : rng.Chance(0.15) ? ReportSource.PublicForm : ReportSource.Partner;
        return new TensionReport
        {
            Id = new Guid((int)rng.Below(int.MaxValue), (short)rng.Below(short.MaxValue), (short)rng.Below(short.MaxValue), [.. Enumerable.Range(0, 8).Select(_ => (byte)rng.Below(256))]),
            OwnerOrganisationId = org, OccurredAt = at, AreaId = area.Id, Type = type, Strands = strands, Source = source,
            Channel = ReportChannel.Demo, Triage = ReportTriage.Accepted, Description = text, PeopleAffected = 1 + rng.Below(3),
            IsSynthetic = true, CreatedAt = at, UpdatedAt = at, Version = 1,
        };
    }

    static readonly string[] Outlets = ["Oldham Evening Chronicle (synthetic)", "Local community Facebook group (synthetic)", "Regional TV news (synthetic)", "X / Twitter account (synthetic)"];

    static List<MediaItem> Media(DemoRandom rng, int org, IReadOnlyList<AreaInfo> wards, AreaInfo flash, int current, DateTime utcNow)
    {
        var items = new List<MediaItem>();
        for (var week = current - 26; week <= current; week++)
        {
            var monday = Weeks.Monday(week);
            var hot = week >= current - 2;
            var n = hot ? 3 : rng.Chance(0.6) ? 1 : 0;
            for (var i = 0; i < n; i++)
            {
                var day = monday.AddDays(rng.Below(7));
                if (day > DateOnly.FromDateTime(utcNow)) day = DateOnly.FromDateTime(utcNow);
                var area = hot ? flash : rng.Chance(0.5) ? wards[rng.Below(wards.Count)] : null;
                var tone = hot ? MediaTone.Negative : (MediaTone)rng.Pick([3.0, 5.0, 2.0]);
                items.Add(new MediaItem
                {
                    OwnerOrganisationId = org, Source = Outlets[rng.Below(Outlets.Length)], PublishedOn = day, Tone = tone, AreaId = area?.Id,
                    Headline = hot ? $"Synthetic: unverified claims about a local incident in {flash.Name} shared widely" : tone switch
                    {
                        MediaTone.Positive => $"Synthetic: community iftar and street party bring neighbours together{(area is null ? "" : " in " + area.Name)}",
                        MediaTone.Negative => $"Synthetic: row over housing allocation{(area is null ? "" : " in " + area.Name)}",
                        _ => "Synthetic: council sets out plans for the town centre",
                    },
                    GroupsMentioned = hot ? "Pakistani and Bangladeshi Muslim residents" : tone == MediaTone.Negative ? "new arrivals; long-standing residents" : null,
                    IsSynthetic = true, CreatedAt = utcNow,
                });
            }
        }
        return items;
    }

    static List<TensionAssessment> Assessments(int org, int? by, IReadOnlyList<AreaInfo> wards, AreaInfo flash, int current, DateTime utcNow)
    {
        var list = new List<TensionAssessment>();
        var assessed = new[] { flash }.Concat(wards.Where(w => w.Id != flash.Id).Take(3)).ToList();
        var today = DateOnly.FromDateTime(utcNow);
        foreach (var ward in assessed)
        {
            for (var week = current - 12; week < current; week++)
            {
                var isFlash = ward.Id == flash.Id;
                var level = isFlash && week >= current - 2 ? (week == current - 1 ? 4 : 3) : ward.Id % 3 == 0 ? 2 : 1;
                var a = new TensionAssessment
                {
                    AreaId = ward.Id, WeekStart = Weeks.Monday(week), Level = level, OrganisationId = org, AssessedByUserId = by, IsSynthetic = true,
                    CreatedAt = utcNow, UpdatedAt = utcNow,
                    Summary = level >= 3
                        ? $"Synthetic assessment. A run of hate incidents against Muslim and South Asian residents in {ward.Name} after a rumour spread online; residents say they avoid the park after dark."
                        : $"Synthetic assessment. Nothing beyond the usual low-level disputes in {ward.Name}.",
                    Factors = level >= 3 ? TensionFactors.MediaCoverage | TensionFactors.LackOfTrust | TensionFactors.CulturalDifferences : level == 2 ? TensionFactors.Housing : TensionFactors.None,
                    GroupsInvolved = level >= 3 ? "Pakistani and Bangladeshi Muslim residents; young men from the estate" : null,
                };
                a.Evidence.Add(new AssessmentEvidence { Kind = EvidenceKind.Evidenced, Text = level >= 3 ? "Synthetic: hate incidents logged by partners this week, well above the usual count." : "Synthetic: partner reports at the usual level." });
                if (level >= 3)
                {
                    a.Evidence.Add(new AssessmentEvidence { Kind = EvidenceKind.Experienced, Text = "Synthetic: the mosque committee and the youth centre report residents feel unsafe." });
                    a.Evidence.Add(new AssessmentEvidence { Kind = EvidenceKind.Potential, Text = "Synthetic: a protest is being talked about online for the weekend." });
                    var due = Weeks.Monday(week).AddDays(10);
                    a.Actions.Add(new TensionAction { Description = "Synthetic: neighbourhood policing team to increase patrols near the park", Owner = "Neighbourhood Inspector (synthetic)", DueOn = due, State = due < today ? ActionState.Done : ActionState.Open, DoneOn = due < today ? due.AddDays(-2) : null, CreatedAt = utcNow });
                    a.Actions.Add(new TensionAction { Description = "Synthetic: meet faith leaders and publish a joint statement", Owner = "Community Cohesion Officer (synthetic)", DueOn = Weeks.Monday(week).AddDays(4), State = ActionState.Open, CreatedAt = utcNow });
                }
                list.Add(a);
            }
        }
        return list;
    }
}
