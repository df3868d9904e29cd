using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.PlaceStandard;

/// <summary>Bounds on what people may type, shared by the form, the import and the model.</summary>
public static class PlaceStandardLimits
{
    public const int NameLength = 64, TitleLength = 200, DescriptionLength = 2000, PeriodLength = 32;
    public const int CommentLength = 1000, GroupLabelLength = 100;
    /// <summary>The most participants a group assessment may have: a workshop, not a town meeting counted as one.</summary>
    public const int MaxParticipants = 1000;
}

sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.ToTable("ps_engagements");
        b.Property(e => e.Name).HasMaxLength(PlaceStandardLimits.NameLength);
        b.Property(e => e.Title).HasMaxLength(PlaceStandardLimits.TitleLength);
        b.Property(e => e.Description).HasMaxLength(PlaceStandardLimits.DescriptionLength);
        b.Property(e => e.Period).HasMaxLength(PlaceStandardLimits.PeriodLength);
        b.Property(e => e.CreatedBy).HasMaxLength(254);
        b.HasIndex(e => e.Name).IsUnique();
        b.HasIndex(e => e.AreaId);
        b.HasIndex(e => e.OwnerOrganisationId);
        b.HasOne(e => e.Area).WithMany().HasForeignKey(e => e.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cohesion.Accounts.Organisation>().WithMany().HasForeignKey(e => e.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("ps_assessments");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.GroupLabel).HasMaxLength(PlaceStandardLimits.GroupLabelLength);
        b.Property(a => a.AgeBand).HasMaxLength(16);
        b.Property(a => a.Sex).HasMaxLength(16);
        b.Property(a => a.EthnicGroup).HasMaxLength(40);
        b.Property(a => a.Disability).HasMaxLength(16);
        b.Property(a => a.Source).HasMaxLength(16);
        b.Property(a => a.Receipt).HasMaxLength(32);
        b.HasIndex(a => a.EngagementId);
        b.HasIndex(a => a.Receipt).IsUnique();
        b.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Comments).WithOne(c => c.Assessment).HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ThemeScoreConfiguration : IEntityTypeConfiguration<ThemeScore>
{
    public void Configure(EntityTypeBuilder<ThemeScore> b)
    {
        b.ToTable("ps_scores");
        b.HasKey(s => new { s.AssessmentId, s.Theme });
    }
}

sealed class ThemeCommentConfiguration : IEntityTypeConfiguration<ThemeComment>
{
    public void Configure(EntityTypeBuilder<ThemeComment> b)
    {
        b.ToTable("ps_comments");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Text).HasMaxLength(PlaceStandardLimits.CommentLength);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Flags).HasMaxLength(100);
        b.Property(c => c.ModeratedBy).HasMaxLength(254);
        b.HasIndex(c => new { c.AssessmentId, c.Theme });
    }
}

sealed class AssessmentDraftConfiguration : IEntityTypeConfiguration<AssessmentDraft>
{
    public void Configure(EntityTypeBuilder<AssessmentDraft> b)
    {
        b.ToTable("ps_drafts");
        b.Property(d => d.CodeHash).HasMaxLength(64);
        b.HasIndex(d => d.CodeHash).IsUnique();
        b.HasIndex(d => d.ExpiresAt);
        b.HasOne<Engagement>().WithMany().HasForeignKey(d => d.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}
