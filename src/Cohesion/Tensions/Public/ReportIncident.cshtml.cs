using Cohesion.Accounts;
using Cohesion.Admin;
using Cohesion.Assets.Editing;
using Cohesion.Data;
using Cohesion.Places;
using Cohesion.Tensions.Model;
using Cohesion.Tensions.Reports;
using Cohesion.Tensions.Watch;
using Cohesion.Web.PublicForms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cohesion.Tensions.Public;

/// <summary>
/// /report-incident: anyone reports a hate incident or something that worries them, in the manner of True Vision —
/// what, when, where, who was targeted, and contact details only if they choose. No sign-in; sending is rate-limited
/// per client address. The report belongs to the district's monitoring organisation and waits for a lead's triage
/// before it counts; the confirmation shows only a reference, nothing that was typed.
/// </summary>
public sealed class ReportIncidentModel(CohesionDb db, AreaStatsCache places, IOptions<ReportOptions> options, DetectionSignal signal, PublicFormLimiter limiter) : AdminPage
{
    public PublicReportForm Form { get; private set; } = new();
    public IReadOnlyList<AreaInfo> Wards { get; private set; } = [];
    public Strands Enabled => options.Value.Enabled();
    public bool Waiting { get; private set; }
    public bool Closed { get; private set; }
    PlaceDirectory directory = null!;

    async Task LoadAsync(CancellationToken ct)
    {
        directory = await places.DirectoryAsync(db, ct);
        Wards = [.. ReportPlaces.Choices(directory, smallAreas: false).SelectMany(g => g.Areas)];
        Closed = await options.Value.MonitoringOrganisationIdAsync(db, ct) is null || Wards.Count == 0;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.Headers.CacheControl = "no-store";
        Form = PublicReportForm.From(Request.Form);
        if (await options.Value.MonitoringOrganisationIdAsync(db, ct) is not { } owner) return Page();
        var check = new ReportCheck(directory, Enabled, DateTime.UtcNow, (field, _, message) => Fail(field, message));
        var input = Form.Check(check, Fail);
        if (input is null || Errors.Count > 0) return Page();
        // Only a form that passes its checks takes a permit, so correcting a mistake costs nothing.
        if (!limiter.TryAcquire(HttpContext))
        {
            Waiting = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var r = ReportWriter.Create(db, input, owner, ReportChannel.PublicForm, ReportTriage.Pending, null, DateTime.UtcNow);
        db.Record(Actor, AuditActions.TensionReportCreated, $"tension report {r.Id:D}", $"public form; {r.Type.Code()}; {(input.Reporter is null ? "anonymous" : "contact details given")}; waiting for triage", Ip);
        await db.SaveChangesAsync(ct);
        signal.ReportsChanged();
        return Redirect($"/report-incident/sent/{ReportAccess.Reference(r.Id)}");
    }
}

/// <summary>The public form as typed.</summary>
public sealed class PublicReportForm
{
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Time { get; set; }
    public string? Area { get; set; }
    public string? Place { get; set; }
    public List<string> Strands { get; set; } = [];
    public string? Contact { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Consent { get; set; }

    /// <summary>The kinds of thing the public report, in their words (media items are logged by the monitoring team).</summary>
    public static readonly (ReportType Type, string Text)[] Kinds =
    [
        (ReportType.HateIncident, "Someone was targeted because of who they are (a hate incident)"),
        (ReportType.HateCrime, "A crime against someone because of who they are (a hate crime)"),
        (ReportType.OnlineIncitement, "Something posted online that stirs up hatred"),
        (ReportType.CriminalDamage, "Graffiti or damage to property"),
        (ReportType.CommunityDispute, "A dispute or argument between groups or neighbours"),
        (ReportType.ProtestOrGathering, "A protest or gathering that worries you"),
        (ReportType.Rumour, "A rumour going round"),
        (ReportType.AntiSocialBehaviour, "Anti-social behaviour"),
        (ReportType.Other, "Something else"),
    ];

    /// <summary>Who was targeted, in plain words.</summary>
    public static string StrandText(Strands s) => s switch
    {
        Model.Strands.Disability => "Their disability",
        Model.Strands.RaceOrEthnicity => "Their race, ethnicity or nationality",
        Model.Strands.ReligionOrBelief => "Their religion or beliefs",
        Model.Strands.SexualOrientation => "Their sexual orientation (being gay, lesbian, bisexual or straight)",
        Model.Strands.TransgenderIdentity => "Being transgender",
        Model.Strands.Age => "Their age",
        Model.Strands.SexOrGender => "Their sex or gender",
        Model.Strands.MigrationStatus => "Being a migrant, refugee or asylum seeker",
        _ => "Something else about who they are",
    };

    public static PublicReportForm From(IFormCollection f) => new()
    {
        Type = f["type"], Description = f["description"], Day = f["when-day"], Month = f["when-month"], Year = f["when-year"], Time = f["time"],
        Area = f["area"], Place = f["place"], Strands = [.. f["strands"].Select(s => s ?? "")], Contact = f["contact"],
        Name = f["name"], Email = f["email"], Phone = f["phone"], Consent = f["consent"] == "yes",
    };

    public ReportInput? Check(ReportCheck check, Action<string, string> fail)
    {
        var failed = false;
        void Fail(string field, string message) { failed = true; fail(field, message); }
        var type = Kinds.Any(k => k.Type.Code() == Type) ? check.Type(Type, "type") : null;
        if (type is null && Type is not { Length: > 0 }) Fail("type", "Choose what happened");
        else if (type is null) Fail("type", $"Choose one of the answers for what happened (you sent '{FieldRules.Clip(Type!)}')");
        var description = check.Description(Description, "description", "What happened");
        var day = FieldRules.Date(Day, Month, Year, "The date it happened");
        if (day.Problem is { } dp) Fail("when", dp);
        var time = FieldRules.Time(Time, "The time it happened");
        if (time.Problem is { } tp) Fail("time", tp);
        var occurred = day.Problem is null && time.Problem is null ? check.Occurred(day.Value, time.Value, "when", $"{Day}/{Month}/{Year} {Time}".Trim()) : null;
        var area = check.Area(Area, "area");
        var place = check.Location(Place, "place", "Where it happened");
        var strands = check.Strands(Strands, "strands");
        ReporterInput? reporter = null;
        if (Contact is not ("anonymous" or "contact")) Fail("contact", "Choose whether to stay anonymous or give contact details");
        else if (Contact == "contact")
        {
            reporter = check.Reporter(Name, Email, Phone, Consent, "");
            if (reporter is null || (reporter.Email is null && reporter.Phone is null)) Fail("email", "Give an email address or a phone number, or choose to stay anonymous");
            if (!Consent) Fail("consent", "Tick the box to agree that the monitoring team may contact you, or choose to stay anonymous");
        }
        if (failed || type is null || description is null || occurred is null || area is null) return null;
        return new ReportInput(null, occurred.Value, area.Id, place, null, null, type.Value, strands, TensionFactors.None, ReportSource.PublicForm, description, null, [], reporter);
    }
}
