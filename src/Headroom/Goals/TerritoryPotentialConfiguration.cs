using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Goals;

public sealed class TerritoryPotentialConfiguration : IEntityTypeConfiguration<TerritoryPotential>
{
    public void Configure(EntityTypeBuilder<TerritoryPotential> builder)
    {
        builder.Property(t => t.Territory).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("CK_TerritoryPotentials_Potential", "\"PotentialMinor\" >= 0"));
        builder.HasIndex(t => new { t.OrgId, t.Territory }).IsUnique();
    }
}
