using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Places;

sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("areas");
        b.Property(a => a.Code).HasMaxLength(PlacesLimits.CodeLength);
        b.Property(a => a.Name).HasMaxLength(PlacesLimits.NameLength);
        b.Property(a => a.Level).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(a => a.Code).IsUnique();
        b.HasIndex(a => new { a.Level, a.Code });
        b.HasIndex(a => a.ParentId);
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AreaGroupingConfiguration : IEntityTypeConfiguration<AreaGrouping>
{
    public void Configure(EntityTypeBuilder<AreaGrouping> b)
    {
        b.ToTable("area_groupings");
        b.HasKey(g => new { g.AreaId, g.GroupId });
        b.HasIndex(g => g.GroupId);
        b.HasOne(g => g.Area).WithMany().HasForeignKey(g => g.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(g => g.Group).WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AreaBoundaryConfiguration : IEntityTypeConfiguration<AreaBoundary>
{
    public void Configure(EntityTypeBuilder<AreaBoundary> b)
    {
        b.ToTable("area_boundaries");
        b.HasKey(x => x.AreaId);
        b.HasOne<Area>().WithOne().HasForeignKey<AreaBoundary>(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> b)
    {
        b.ToTable("datasets");
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Source).HasMaxLength(500);
        b.Property(d => d.Licence).HasMaxLength(200);
        b.Property(d => d.Attribution).HasMaxLength(500);
        b.Property(d => d.CreatedBy).HasMaxLength(200);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Sensitivity).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.SharingAgreement).HasMaxLength(500);
        b.Property(d => d.DisclosurePolicy).HasMaxLength(24);
        b.Property(d => d.PeriodKind).HasMaxLength(8);
        b.HasIndex(d => d.Name).IsUnique();
        b.HasOne<Cohesion.Accounts.Organisation>().WithMany().HasForeignKey(d => d.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Categories).WithOne().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DatasetCategoryConfiguration : IEntityTypeConfiguration<DatasetCategory>
{
    public void Configure(EntityTypeBuilder<DatasetCategory> b)
    {
        b.ToTable("dataset_categories");
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Label).HasMaxLength(200);
        b.HasIndex(c => new { c.DatasetId, c.Code }).IsUnique();
    }
}

sealed class AreaCountConfiguration : IEntityTypeConfiguration<AreaCount>
{
    public void Configure(EntityTypeBuilder<AreaCount> b)
    {
        b.ToTable("area_counts");
        // Key order serves the hot query: one dataset and period, a set of areas, all categories.
        b.HasKey(c => new { c.DatasetId, c.Period, c.AreaId, c.CategoryId });
        b.Property(c => c.Period).HasMaxLength(16);
        b.HasIndex(c => c.AreaId);
        b.HasOne<Dataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DatasetCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DatasetImportConfiguration : IEntityTypeConfiguration<DatasetImport>
{
    public void Configure(EntityTypeBuilder<DatasetImport> b)
    {
        b.ToTable("dataset_imports");
        b.Property(i => i.Period).HasMaxLength(16);
        b.Property(i => i.FileName).HasMaxLength(500);
        b.Property(i => i.ImportedBy).HasMaxLength(200);
        b.Property(i => i.RejectedByReason).HasMaxLength(4000);
        b.HasIndex(i => i.DatasetId);
        b.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PlacesLimits
{
    public const int CodeLength = 32;
    public const int NameLength = 200;
}
