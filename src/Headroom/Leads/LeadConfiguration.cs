using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Leads;

public sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Company).HasMaxLength(300);
        builder.Property(l => l.Source).HasMaxLength(100);
        builder.Property(l => l.Region).HasMaxLength(100);
        builder.Property(l => l.RequiredSkill).HasMaxLength(100);
        builder.Property(l => l.Language).HasMaxLength(16);
        builder.HasOne(l => l.Owner).WithMany().HasForeignKey(l => l.OwnerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(l => l.PoolTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => new { l.OrgId, l.OwnerId, l.Status });
        builder.HasIndex(l => new { l.OrgId, l.PoolTeamId });
    }
}
