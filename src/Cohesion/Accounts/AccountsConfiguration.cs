using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohesion.Accounts;

sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(o => o.Name).IsUnique();
    }
}

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.Property(u => u.Email).HasMaxLength(254);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PasswordHash).HasMaxLength(500);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(u => u.Email).IsUnique();
        b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.Actor).HasMaxLength(254);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(500);
        b.Property(a => a.Detail).HasMaxLength(2000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.Action);
    }
}
