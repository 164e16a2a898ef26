using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Assignment;

public sealed class OrganizationPoolSettingsConfiguration : IEntityTypeConfiguration<OrganizationPoolSettings>
{
    public void Configure(EntityTypeBuilder<OrganizationPoolSettings> builder)
    {
        builder.ToTable("OrganizationPoolSettings");
        builder.Property(m => m.Settings).HasMaxLength(4_000);
        builder.HasIndex(m => m.OrgId).IsUnique();
    }
}
