using Cohesion.Accounts;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;

namespace Cohesion.Data;

public sealed class CohesionDb : DbContext
{
    public CohesionDb(DbContextOptions<CohesionDb> options) : base(options)
    {
        // Every SaveChanges commits through a transaction, even a single statement, so that what runs as it commits
        // (the asset search index's refresh, Assets/Search/SearchIndex.cs) runs for every save.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>The SQLite file's write queue (<see cref="SqliteWriteGate"/>), or null on PostgreSQL, found once per context.</summary>
    SqliteWriteGate? Gate => _gate ??= Database.IsSqlite() ? SqliteWriteGate.For(Database.GetConnectionString()!) : null;
    SqliteWriteGate? _gate;

    /// <summary>
    /// On SQLite, waits for the process's turn to write (<see cref="SqliteWriteGate"/>), for a writer about to begin an
    /// explicit transaction of its own; dispose it after the commit. Nothing to wait for on PostgreSQL.
    /// </summary>
    public async ValueTask<SqliteWriteGate.Turn> WriteTurnAsync(CancellationToken ct) =>
        Gate is { } gate && !gate.HeldHere ? await gate.EnterAsync(ct) : default;

    /// <summary>On SQLite, a save outside an explicit transaction waits its turn in the process's write queue first.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || Gate is not { } gate || gate.HeldHere) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        using var turn = await gate.EnterAsync(cancellationToken);
        turn.Hold();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || Gate is not { } gate || gate.HeldHere) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var turn = gate.Enter();
        turn.Hold();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaGrouping> AreaGroupings => Set<AreaGrouping>();
    public DbSet<AreaBoundary> AreaBoundaries => Set<AreaBoundary>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetCategory> DatasetCategories => Set<DatasetCategory>();
    public DbSet<AreaCount> AreaCounts => Set<AreaCount>();
    public DbSet<DatasetImport> DatasetImports => Set<DatasetImport>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Cohesion.Change.ChangeFigure> ChangeFigures => Set<Cohesion.Change.ChangeFigure>();
    public DbSet<Cohesion.PlaceStandard.Engagement> PsEngagements => Set<Cohesion.PlaceStandard.Engagement>();
    public DbSet<Cohesion.PlaceStandard.Assessment> PsAssessments => Set<Cohesion.PlaceStandard.Assessment>();
    public DbSet<Cohesion.PlaceStandard.ThemeScore> PsScores => Set<Cohesion.PlaceStandard.ThemeScore>();
    public DbSet<Cohesion.PlaceStandard.ThemeComment> PsComments => Set<Cohesion.PlaceStandard.ThemeComment>();
    public DbSet<Cohesion.PlaceStandard.AssessmentDraft> PsDrafts => Set<Cohesion.PlaceStandard.AssessmentDraft>();
    public DbSet<Cohesion.Surveys.Model.Survey> Surveys => Set<Cohesion.Surveys.Model.Survey>();
    public DbSet<Cohesion.Surveys.Model.SurveyQuestion> SurveyQuestions => Set<Cohesion.Surveys.Model.SurveyQuestion>();
    public DbSet<Cohesion.Surveys.Model.LocalItem> SurveyLocalItems => Set<Cohesion.Surveys.Model.LocalItem>();
    public DbSet<Cohesion.Surveys.Model.SurveyResponse> SurveyResponses => Set<Cohesion.Surveys.Model.SurveyResponse>();
    public DbSet<Cohesion.Surveys.Model.SurveyAnswer> SurveyAnswers => Set<Cohesion.Surveys.Model.SurveyAnswer>();
    public DbSet<Cohesion.Surveys.Model.SurveyDraft> SurveyDrafts => Set<Cohesion.Surveys.Model.SurveyDraft>();
    public DbSet<Cohesion.Surveys.Model.IndicatorTarget> SurveyTargets => Set<Cohesion.Surveys.Model.IndicatorTarget>();
    public DbSet<Cohesion.Assets.Model.AssetOrganisation> AssetOrganisations => Set<Cohesion.Assets.Model.AssetOrganisation>();
    public DbSet<Cohesion.Assets.Model.Service> AssetServices => Set<Cohesion.Assets.Model.Service>();
    public DbSet<Cohesion.Assets.Model.Location> AssetLocations => Set<Cohesion.Assets.Model.Location>();
    public DbSet<Cohesion.Assets.Model.ServiceAtLocation> AssetServiceLocations => Set<Cohesion.Assets.Model.ServiceAtLocation>();
    public DbSet<Cohesion.Assets.Model.Accessibility> AssetAccessibility => Set<Cohesion.Assets.Model.Accessibility>();
    public DbSet<Cohesion.Assets.Model.Schedule> AssetSchedules => Set<Cohesion.Assets.Model.Schedule>();
    public DbSet<Cohesion.Assets.Model.ServiceLanguage> AssetLanguages => Set<Cohesion.Assets.Model.ServiceLanguage>();
    public DbSet<Cohesion.Assets.Model.CostOption> AssetCostOptions => Set<Cohesion.Assets.Model.CostOption>();
    public DbSet<Cohesion.Assets.Model.Contact> AssetContacts => Set<Cohesion.Assets.Model.Contact>();
    public DbSet<Cohesion.Assets.Model.Phone> AssetPhones => Set<Cohesion.Assets.Model.Phone>();
    public DbSet<Cohesion.Assets.Model.ServiceArea> AssetServiceAreas => Set<Cohesion.Assets.Model.ServiceArea>();
    public DbSet<Cohesion.Assets.Model.ServiceTerm> AssetServiceTerms => Set<Cohesion.Assets.Model.ServiceTerm>();
    public DbSet<Cohesion.Assets.Model.Taxonomy> AssetTaxonomies => Set<Cohesion.Assets.Model.Taxonomy>();
    public DbSet<Cohesion.Assets.Model.TaxonomyTerm> AssetTaxonomyTerms => Set<Cohesion.Assets.Model.TaxonomyTerm>();
    public DbSet<Cohesion.Assets.Model.AssetRevision> AssetRevisions => Set<Cohesion.Assets.Model.AssetRevision>();
    public DbSet<Cohesion.Assets.Model.AssetProposal> AssetProposals => Set<Cohesion.Assets.Model.AssetProposal>();
    public DbSet<Cohesion.Assets.Model.ProblemReport> AssetProblemReports => Set<Cohesion.Assets.Model.ProblemReport>();
    public DbSet<Cohesion.Accounts.ApiKey> ApiKeys => Set<Cohesion.Accounts.ApiKey>();
    public DbSet<Cohesion.Tensions.Model.TensionReport> TensionReports => Set<Cohesion.Tensions.Model.TensionReport>();
    public DbSet<Cohesion.Tensions.Model.ReportLink> TensionReportLinks => Set<Cohesion.Tensions.Model.ReportLink>();
    public DbSet<Cohesion.Tensions.Model.ReportReporter> TensionReporters => Set<Cohesion.Tensions.Model.ReportReporter>();
    public DbSet<Cohesion.Tensions.Model.TensionAssessment> TensionAssessments => Set<Cohesion.Tensions.Model.TensionAssessment>();
    public DbSet<Cohesion.Tensions.Model.AssessmentEvidence> TensionEvidence => Set<Cohesion.Tensions.Model.AssessmentEvidence>();
    public DbSet<Cohesion.Tensions.Model.TensionAction> TensionActions => Set<Cohesion.Tensions.Model.TensionAction>();
    public DbSet<Cohesion.Tensions.Model.MediaItem> MediaItems => Set<Cohesion.Tensions.Model.MediaItem>();
    public DbSet<Cohesion.Tensions.Model.TensionAlert> TensionAlerts => Set<Cohesion.Tensions.Model.TensionAlert>();
    public DbSet<Cohesion.Tensions.Model.InboxMessage> InboxMessages => Set<Cohesion.Tensions.Model.InboxMessage>();
    public DbSet<Cohesion.Tensions.Model.MonitoringLead> MonitoringLeads => Set<Cohesion.Tensions.Model.MonitoringLead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CohesionDb).Assembly);
        // snake_case columns so hand-written SQL (migrations, bulk COPY) reads the same on both providers.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    internal static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
