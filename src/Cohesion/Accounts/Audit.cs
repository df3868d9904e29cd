using Cohesion.Data;

namespace Cohesion.Accounts;

/// <summary>Audit action names, kept in one place so the audit page can filter on them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string Import = "import";
    public const string Export = "export";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string OrganisationCreated = "organisation-created";
    public const string OrganisationChanged = "organisation-changed";
    /// <summary>Place Standard: an engagement created, opened, closed, published or withdrawn; assessments imported; comments moderated.
    /// Its own import action, so loading assessments does not make the caches of imported statistics start again.</summary>
    public const string PlaceStandardCreated = "place-standard-created";
    public const string PlaceStandardChanged = "place-standard-changed";
    public const string PlaceStandardImport = "place-standard-import";
    public const string Moderation = "moderation";
    /// <summary>Surveys: an indicator target for an area added, changed or deleted.</summary>
    public const string SurveyTarget = "survey-target";
    /// <summary>Surveys: created, changed (details, questions, open, closed, published, withdrawn), deleted.</summary>
    public const string SurveyCreated = "survey-created";
    public const string SurveyChanged = "survey-changed";
    public const string SurveyDeleted = "survey-deleted";
    /// <summary>Surveys: responses imported (the demo's synthetic ones among them); its own action for the same reason as the Place Standard's.</summary>
    public const string SurveyImport = "survey-import";
    /// <summary>Assets: a directory record added, changed (edited, restored, archived, checked after a report) or deleted for good.</summary>
    public const string AssetCreated = "asset-created";
    public const string AssetChanged = "asset-changed";
    public const string AssetDeleted = "asset-deleted";
    /// <summary>Assets: a resident proposed an asset or reported a problem with one (what, never the text).</summary>
    public const string AssetSubmitted = "asset-submitted";
    /// <summary>Assets: directory records imported (CSV, Open Referral HSDS JSON, the demo directory); its own action for the same reason as the Place Standard's.</summary>
    public const string AssetImport = "asset-import";
    /// <summary>Tensions: a report logged, changed (edited, triaged), deleted or imported; its detail page or its reporter read.</summary>
    public const string TensionReportCreated = "tension-report-created";
    public const string TensionReportChanged = "tension-report-changed";
    public const string TensionReportDeleted = "tension-report-deleted";
    public const string TensionReportImport = "tension-report-import";
    public const string TensionReportViewed = "tension-report-viewed";
    public const string TensionReporterRead = "tension-reporter-read";
    /// <summary>Tensions: a media item logged or changed; monitoring leads assigned or removed.</summary>
    public const string MediaItemChanged = "media-item-changed";
    public const string MonitoringLeadChanged = "monitoring-lead-changed";
    /// <summary>An API key created or revoked (never its secret).</summary>
    public const string ApiKeyChanged = "api-key-changed";
    /// <summary>Tensions: an alert acknowledged, linked, given actions or closed (by its lead).</summary>
    public const string TensionAlertChanged = "tension-alert-changed";
    /// <summary>Tensions: a weekly assessment written or changed, or its actions marked done.</summary>
    public const string TensionAssessment = "tension-assessment";

    public static readonly string[] All = [SignIn, SignInFailed, SignOut, PasswordChanged, Import, Export, UserCreated, UserChanged, OrganisationCreated, OrganisationChanged,
        PlaceStandardCreated, PlaceStandardChanged, PlaceStandardImport, Moderation, SurveyTarget, SurveyImport,
        SurveyCreated, SurveyChanged, SurveyDeleted, AssetCreated, AssetChanged, AssetDeleted, AssetSubmitted, AssetImport,
        TensionReportCreated, TensionReportChanged, TensionReportDeleted, TensionReportImport, TensionReportViewed, TensionReporterRead,
        MediaItemChanged, MonitoringLeadChanged, ApiKeyChanged,
        TensionAlertChanged, TensionAssessment];
}

public static class Audit
{
    /// <summary>Adds an entry to the context; it is written with the caller's SaveChanges, inside its transaction.</summary>
    public static void Record(this CohesionDb db, string actor, string action, string target, string detail = "", string ip = "") =>
        db.AuditEntries.Add(Entry(actor, action, target, detail, ip));

    /// <summary>An entry not yet added to any context, for a writer that stores it with its change later.</summary>
    public static AuditEntry Entry(string actor, string action, string target, string detail = "", string ip = "") =>
        new()
        {
            At = DateTime.UtcNow,
            Actor = Clip(actor, 254),
            Action = action,
            Target = Clip(target, 500),
            Detail = Clip(detail, 2000),
            IpAddress = Clip(ip, 64),
        };

    static string Clip(string s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>The actor name for command-line work: the operating-system user.</summary>
    public static string CliActor => $"cli:{Environment.UserName}";
    public const string SystemActor = "system";
}
