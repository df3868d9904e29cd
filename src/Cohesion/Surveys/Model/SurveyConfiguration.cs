using Cohesion.Surveys.ItemBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Surveys.Model;

/// <summary>Bounds on what people may type, shared by the builder, the form, the import and the model.</summary>
public static class SurveyLimits
{
    public const int NameLength = 64, TitleLength = 200, DescriptionLength = 2000, PeriodLength = 32;
    public const int ItemCodeLength = 64, ChoiceLength = 64, QuestionLength = 500, HintLength = 1000, OptionsLength = 4000;
    /// <summary>Local questions a survey may add, and options a local choice question may offer.</summary>
    public const int MaxLocalItems = 30, MaxLocalOptions = 20;
    /// <summary>Bounds on a number item's range, so a typing slip cannot make every answer valid.</summary>
    public const int NumberLimit = 1_000_000;
    public const int NoteLength = 500;
    /// <summary>
    /// The highest upper trimming bound, in multiples of the mean weight: beyond it one response could count for more
    /// than twenty average ones, which is no trimming at all.
    /// </summary>
    public const double MaxTrimUpper = 20;
}

sealed class SurveyEntityConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("sv_surveys");
        b.Property(s => s.Name).HasMaxLength(SurveyLimits.NameLength);
        b.Property(s => s.Title).HasMaxLength(SurveyLimits.TitleLength);
        b.Property(s => s.Description).HasMaxLength(SurveyLimits.DescriptionLength);
        b.Property(s => s.Period).HasMaxLength(SurveyLimits.PeriodLength);
        b.Property(s => s.ResidenceLevel).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Weighting).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.CreatedBy).HasMaxLength(254);
        b.HasIndex(s => s.Name).IsUnique();
        b.HasIndex(s => s.AreaId);
        b.HasIndex(s => s.OwnerOrganisationId);
        b.HasOne(s => s.Area).WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cohesion.Accounts.Organisation>().WithMany().HasForeignKey(s => s.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.LocalItems).WithOne().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("sv_questions");
        b.HasKey(q => new { q.SurveyId, q.ItemCode });
        b.Property(q => q.ItemCode).HasMaxLength(SurveyLimits.ItemCodeLength);
    }
}

sealed class LocalItemConfiguration : IEntityTypeConfiguration<LocalItem>
{
    public void Configure(EntityTypeBuilder<LocalItem> b)
    {
        b.ToTable("sv_local_items");
        b.Property(i => i.Code).HasMaxLength(SurveyLimits.ItemCodeLength);
        b.Property(i => i.Question).HasMaxLength(SurveyLimits.QuestionLength);
        b.Property(i => i.Hint).HasMaxLength(SurveyLimits.HintLength);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Options).HasMaxLength(SurveyLimits.OptionsLength);
        b.HasIndex(i => new { i.SurveyId, i.Code }).IsUnique();
    }
}

sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("sv_responses");
        b.Property(r => r.Source).HasMaxLength(16);
        b.Property(r => r.Receipt).HasMaxLength(32);
        b.Property(r => r.Stratum).HasMaxLength(64);
        b.Property(r => r.Cluster).HasMaxLength(64);
        b.HasIndex(r => r.SurveyId);
        b.HasIndex(r => r.Receipt).IsUnique();
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cohesion.Places.Area>().WithMany().HasForeignKey(r => r.ResidenceAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("sv_answers");
        b.HasKey(a => new { a.ResponseId, a.ItemCode });
        b.Property(a => a.ItemCode).HasMaxLength(SurveyLimits.ItemCodeLength);
        b.Property(a => a.Choice).HasMaxLength(SurveyLimits.ChoiceLength);
    }
}

sealed class SurveyDraftConfiguration : IEntityTypeConfiguration<SurveyDraft>
{
    public void Configure(EntityTypeBuilder<SurveyDraft> b)
    {
        b.ToTable("sv_drafts");
        b.Property(d => d.CodeHash).HasMaxLength(64);
        b.HasIndex(d => d.CodeHash).IsUnique();
        b.HasIndex(d => d.ExpiresAt);
        b.HasOne<Survey>().WithMany().HasForeignKey(d => d.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("sv_targets");
        b.Property(t => t.Indicator).HasMaxLength(SurveyLimits.ItemCodeLength);
        b.Property(t => t.ByPeriod).HasMaxLength(SurveyLimits.PeriodLength);
        b.Property(t => t.Note).HasMaxLength(SurveyLimits.NoteLength);
        b.Property(t => t.CreatedBy).HasMaxLength(254);
        b.HasIndex(t => new { t.AreaId, t.Indicator });
        b.HasOne<Cohesion.Places.Area>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cohesion.Accounts.Organisation>().WithMany().HasForeignKey(t => t.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
