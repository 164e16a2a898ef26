using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Assignment;

public sealed class LeaveCoverLineConfiguration : IEntityTypeConfiguration<LeaveCoverLine>
{
    public void Configure(EntityTypeBuilder<LeaveCoverLine> builder)
    {
        builder.Property(l => l.Explanation).HasMaxLength(1000);
        builder.HasOne<FollowUp>().WithMany().HasForeignKey(l => l.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.CoverMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
