using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Workload;

public sealed class OrganizationEffortModelConfiguration : IEntityTypeConfiguration<OrganizationEffortModel>
{
    public void Configure(EntityTypeBuilder<OrganizationEffortModel> builder)
    {
        builder.Property(m => m.Settings).HasMaxLength(20_000);
        builder.HasIndex(m => m.OrgId).IsUnique();
    }
}
