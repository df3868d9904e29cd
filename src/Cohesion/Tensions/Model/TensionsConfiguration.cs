using Cohesion.Accounts;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Tensions.Model;

/// <summary>Bounds on what people, files and the API may put in the tension log, shared by forms, imports and the model.</summary>
public static class TensionLimits
{
    public const int DescriptionLength = 4000, LocationLength = 300, ClientIdLength = 100, NameLength = 200, EmailLength = 254, PhoneLength = 32;
    public const int HeadlineLength = 300, UrlLength = 500, SourceLength = 200, GroupsLength = 500, SummaryLength = 4000, EvidenceLength = 2000;
    public const int ActionLength = 1000, OwnerLength = 200, OutcomeLength = 2000, SeriesKeyLength = 200, MethodLength = 300, SubjectLength = 300;
    public const int BodyLength = 4000, LinkLength = 500;
    /// <summary>People affected beyond this is a typing slip.</summary>
    public const int MaxPeopleAffected = 100_000;
}

sealed class TensionReportConfiguration : IEntityTypeConfiguration<TensionReport>
{
    public void Configure(EntityTypeBuilder<TensionReport> b)
    {
        b.ToTable("tn_reports");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ClientId).HasMaxLength(TensionLimits.ClientIdLength);
        b.Property(r => r.ExactLocation).HasMaxLength(TensionLimits.LocationLength);
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Triage).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Description).HasMaxLength(TensionLimits.DescriptionLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        // A client's id names one report of its organisation: the idempotency of the API and of CSV re-imports.
        b.HasIndex(r => new { r.OwnerOrganisationId, r.ClientId }).IsUnique();
        // The weekly counts read reports by time, then area and type.
        b.HasIndex(r => new { r.OccurredAt, r.AreaId, r.Type });
        b.HasIndex(r => r.AreaId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Links).WithOne().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ReportLinkConfiguration : IEntityTypeConfiguration<ReportLink>
{
    public void Configure(EntityTypeBuilder<ReportLink> b)
    {
        b.ToTable("tn_report_links");
        b.HasKey(l => new { l.ReportId, l.LinkedReportId });
        b.HasIndex(l => l.LinkedReportId);
        b.HasOne<TensionReport>().WithMany().HasForeignKey(l => l.LinkedReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ReportReporterConfiguration : IEntityTypeConfiguration<ReportReporter>
{
    public void Configure(EntityTypeBuilder<ReportReporter> b)
    {
        b.ToTable("tn_reporters");
        b.HasKey(r => r.ReportId);
        b.Property(r => r.Name).HasMaxLength(TensionLimits.NameLength);
        b.Property(r => r.Email).HasMaxLength(TensionLimits.EmailLength);
        b.Property(r => r.Phone).HasMaxLength(TensionLimits.PhoneLength);
        b.HasOne<TensionReport>().WithOne().HasForeignKey<ReportReporter>(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TensionAssessmentConfiguration : IEntityTypeConfiguration<TensionAssessment>
{
    public void Configure(EntityTypeBuilder<TensionAssessment> b)
    {
        b.ToTable("tn_assessments");
        b.Property(a => a.Summary).HasMaxLength(TensionLimits.SummaryLength);
        b.Property(a => a.GroupsInvolved).HasMaxLength(TensionLimits.GroupsLength);
        // One assessment per area and week: a second is an edit of the first.
        b.HasIndex(a => new { a.AreaId, a.WeekStart }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AssessedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Actions).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> b)
    {
        b.ToTable("tn_evidence");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Text).HasMaxLength(TensionLimits.EvidenceLength);
        b.HasOne<TensionReport>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class TensionActionConfiguration : IEntityTypeConfiguration<TensionAction>
{
    public void Configure(EntityTypeBuilder<TensionAction> b)
    {
        b.ToTable("tn_actions");
        b.Property(a => a.Description).HasMaxLength(TensionLimits.ActionLength);
        b.Property(a => a.Owner).HasMaxLength(TensionLimits.OwnerLength);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => new { a.State, a.DueOn });
        b.HasOne<TensionAlert>().WithMany().HasForeignKey(a => a.AlertId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> b)
    {
        b.ToTable("tn_media_items");
        b.Property(m => m.Source).HasMaxLength(TensionLimits.SourceLength);
        b.Property(m => m.Headline).HasMaxLength(TensionLimits.HeadlineLength);
        b.Property(m => m.Url).HasMaxLength(TensionLimits.UrlLength);
        b.Property(m => m.Tone).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.GroupsMentioned).HasMaxLength(TensionLimits.GroupsLength);
        b.HasIndex(m => m.PublishedOn);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class TensionAlertConfiguration : IEntityTypeConfiguration<TensionAlert>
{
    public void Configure(EntityTypeBuilder<TensionAlert> b)
    {
        b.ToTable("tn_alerts");
        b.Property(a => a.SeriesKey).HasMaxLength(TensionLimits.SeriesKeyLength);
        b.Property(a => a.Method).HasMaxLength(TensionLimits.MethodLength);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Outcome).HasMaxLength(TensionLimits.OutcomeLength);
        // Finding the open episode of a series is the question every detection run asks.
        b.HasIndex(a => new { a.SeriesKey, a.State });
        b.HasIndex(a => new { a.AreaId, a.State });
        b.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TensionAssessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.AcknowledgedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.ClosedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox_messages");
        b.Property(m => m.Subject).HasMaxLength(TensionLimits.SubjectLength);
        b.Property(m => m.Body).HasMaxLength(TensionLimits.BodyLength);
        b.Property(m => m.Link).HasMaxLength(TensionLimits.LinkLength);
        b.HasIndex(m => new { m.UserId, m.ReadAt });
        b.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TensionAlert>().WithMany().HasForeignKey(m => m.AlertId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class MonitoringLeadConfiguration : IEntityTypeConfiguration<MonitoringLead>
{
    public void Configure(EntityTypeBuilder<MonitoringLead> b)
    {
        b.ToTable("tn_leads");
        b.HasIndex(l => new { l.UserId, l.AreaId }).IsUnique();
        b.HasIndex(l => l.AreaId);
        b.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Area>().WithMany().HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(k => k.Name).HasMaxLength(TensionLimits.NameLength);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.SecretHash).HasMaxLength(32);
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(k => k.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
