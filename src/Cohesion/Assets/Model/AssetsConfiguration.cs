using Cohesion.Accounts;
using Cohesion.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Assets.Model;

/// <summary>Bounds on what people and imports may put in the directory, shared by forms, imports and the model.</summary>
public static class AssetLimits
{
    public const int NameLength = 200, DescriptionLength = 4000, ShortTextLength = 500, UrlLength = 500, EmailLength = 254;
    public const int PhoneLength = 32, PostcodeLength = 10, CodeLength = 64, LanguageCodeLength = 8, ByDayLength = 64;
    public const int SummaryLength = 500, DetailsLength = 2000;
    /// <summary>Ages beyond this are typing slips, not eligibility rules.</summary>
    public const int MaxAge = 120;
}

sealed class AssetOrganisationConfiguration : IEntityTypeConfiguration<AssetOrganisation>
{
    public void Configure(EntityTypeBuilder<AssetOrganisation> b)
    {
        b.ToTable("as_organisations");
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(o => o.AlternateName).HasMaxLength(AssetLimits.NameLength);
        b.Property(o => o.Description).HasMaxLength(AssetLimits.DescriptionLength);
        b.Property(o => o.Email).HasMaxLength(AssetLimits.EmailLength);
        b.Property(o => o.Website).HasMaxLength(AssetLimits.UrlLength);
        b.Property(o => o.LegalStatus).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(o => o.Review).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.MaintainerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.MaintainerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(o => o.Services).WithOne(s => s.Organisation).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("as_services");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(s => s.AlternateName).HasMaxLength(AssetLimits.NameLength);
        b.Property(s => s.Description).HasMaxLength(AssetLimits.DescriptionLength);
        b.Property(s => s.Url).HasMaxLength(AssetLimits.UrlLength);
        b.Property(s => s.Email).HasMaxLength(AssetLimits.EmailLength);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Publication).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.FeesDescription).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(s => s.EligibilityDescription).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(s => s.ApplicationProcess).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(s => s.InterpretationServices).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(s => s.OfferedBy).HasMaxLength(AssetLimits.NameLength);
        b.Property(s => s.BookingDetails).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(s => s.Review).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.OrganisationId);
        b.HasIndex(s => new { s.Publication, s.Kind });
        // The Open Referral API's pages of the published directory in id order (migration 0009).
        b.HasIndex(s => new { s.Publication, s.Id, s.Kind });
        b.HasIndex(s => s.UpdatedAt);
        b.HasIndex(s => s.MaintainerOrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.MaintainerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Schedules).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Languages).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.CostOptions).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Contacts).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Phones).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.ServiceAreas).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Terms).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.ToTable("as_locations");
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(l => l.Description).HasMaxLength(AssetLimits.DetailsLength);
        b.Property(l => l.Address1).HasMaxLength(AssetLimits.NameLength);
        b.Property(l => l.Address2).HasMaxLength(AssetLimits.NameLength);
        b.Property(l => l.City).HasMaxLength(AssetLimits.NameLength);
        b.Property(l => l.Postcode).HasMaxLength(AssetLimits.PostcodeLength);
        b.Property(l => l.Transportation).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(l => l.AreaId);
        b.HasIndex(l => new { l.Latitude, l.Longitude });
        b.HasOne<AssetOrganisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Area>().WithMany().HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(l => l.Accessibility).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> b)
    {
        b.ToTable("as_service_locations");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Description).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => new { x.ServiceId, x.LocationId }).IsUnique();
        b.HasIndex(x => x.LocationId);
        b.HasOne(x => x.Location).WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AccessibilityConfiguration : IEntityTypeConfiguration<Accessibility>
{
    public void Configure(EntityTypeBuilder<Accessibility> b)
    {
        b.ToTable("as_accessibility");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Description).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(x => x.Details).HasMaxLength(AssetLimits.DetailsLength);
        b.Property(x => x.Url).HasMaxLength(AssetLimits.UrlLength);
        b.HasIndex(x => x.LocationId);
    }
}

sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> b)
    {
        b.ToTable("as_schedules");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Freq).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ByDay).HasMaxLength(AssetLimits.ByDayLength);
        b.Property(x => x.ByMonthDay).HasMaxLength(AssetLimits.ByDayLength);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => x.ServiceId);
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ServiceLanguageConfiguration : IEntityTypeConfiguration<ServiceLanguage>
{
    public void Configure(EntityTypeBuilder<ServiceLanguage> b)
    {
        b.ToTable("as_languages");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(AssetLimits.CodeLength);
        b.Property(x => x.Code).HasMaxLength(AssetLimits.LanguageCodeLength);
        b.Property(x => x.Note).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.Code);
    }
}

sealed class CostOptionConfiguration : IEntityTypeConfiguration<CostOption>
{
    public void Configure(EntityTypeBuilder<CostOption> b)
    {
        b.ToTable("as_cost_options");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Option).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Amount).HasPrecision(10, 2);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.AmountDescription).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => x.ServiceId);
    }
}

sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("as_contacts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Title).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Email).HasMaxLength(AssetLimits.EmailLength);
        b.Property(x => x.Phone).HasMaxLength(AssetLimits.PhoneLength);
        b.HasIndex(x => x.ServiceId);
    }
}

sealed class PhoneConfiguration : IEntityTypeConfiguration<Phone>
{
    public void Configure(EntityTypeBuilder<Phone> b)
    {
        b.ToTable("as_phones");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(AssetLimits.PhoneLength);
        b.Property(x => x.Type).HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => x.ServiceId);
    }
}

sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.ToTable("as_service_areas");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.ShortTextLength);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.AreaId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ServiceTermConfiguration : IEntityTypeConfiguration<ServiceTerm>
{
    public void Configure(EntityTypeBuilder<ServiceTerm> b)
    {
        b.ToTable("as_service_terms");
        b.HasKey(x => new { x.ServiceId, x.TermId });
        b.HasIndex(x => x.TermId);
        b.HasOne(x => x.Term).WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> b)
    {
        b.ToTable("as_taxonomies");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.DetailsLength);
        b.Property(x => x.Uri).HasMaxLength(AssetLimits.UrlLength);
        b.Property(x => x.Version).HasMaxLength(AssetLimits.CodeLength);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> b)
    {
        b.ToTable("as_taxonomy_terms");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(AssetLimits.CodeLength);
        b.Property(x => x.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.DetailsLength);
        b.Property(x => x.TermUri).HasMaxLength(AssetLimits.UrlLength);
        b.HasIndex(x => new { x.TaxonomyId, x.Code }).IsUnique();
        b.HasIndex(x => x.ParentId);
        b.HasOne<Taxonomy>().WithMany().HasForeignKey(x => x.TaxonomyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AssetRevisionConfiguration : IEntityTypeConfiguration<AssetRevision>
{
    public void Configure(EntityTypeBuilder<AssetRevision> b)
    {
        b.ToTable("as_revisions");
        b.Property(x => x.ChangedBy).HasMaxLength(AssetLimits.EmailLength);
        b.Property(x => x.Summary).HasMaxLength(AssetLimits.SummaryLength);
        // No foreign key to the service: a deleted record's history stays readable for the audit trail.
        b.HasIndex(x => new { x.ServiceId, x.Version }).IsUnique();
    }
}

sealed class AssetProposalConfiguration : IEntityTypeConfiguration<AssetProposal>
{
    public void Configure(EntityTypeBuilder<AssetProposal> b)
    {
        b.ToTable("as_proposals");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(AssetLimits.NameLength);
        b.Property(x => x.Description).HasMaxLength(AssetLimits.DescriptionLength);
        b.Property(x => x.Where).HasMaxLength(AssetLimits.ShortTextLength);
        b.Property(x => x.Website).HasMaxLength(AssetLimits.UrlLength);
        b.Property(x => x.ProposerContact).HasMaxLength(AssetLimits.EmailLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ResolvedBy).HasMaxLength(AssetLimits.EmailLength);
        b.Property(x => x.Resolution).HasMaxLength(AssetLimits.SummaryLength);
        b.HasIndex(x => x.State);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> b)
    {
        b.ToTable("as_problem_reports");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Details).HasMaxLength(AssetLimits.DetailsLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ResolvedBy).HasMaxLength(AssetLimits.EmailLength);
        b.Property(x => x.Resolution).HasMaxLength(AssetLimits.SummaryLength);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.State);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
