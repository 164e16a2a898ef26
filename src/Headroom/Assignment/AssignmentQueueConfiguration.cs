using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Assignment;

public sealed class AssignmentQueueConfiguration : IEntityTypeConfiguration<AssignmentQueue>
{
    public void Configure(EntityTypeBuilder<AssignmentQueue> builder)
    {
        builder.ToTable("AssignmentQueues");
        builder.Property(q => q.Name).HasMaxLength(200);
        builder.Property(q => q.LeadSource).HasMaxLength(100);
        builder.Property(q => q.LeadRegion).HasMaxLength(100);
        builder.Property(q => q.Weights).HasMaxLength(20_000);
        builder.HasOne<Team>().WithMany().HasForeignKey(q => q.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.OrgId, q.Name }).IsUnique();
        builder.HasIndex(q => new { q.OrgId, q.TeamId });
    }
}
