using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Assignment;

public sealed class LeaveCoverConfiguration : IEntityTypeConfiguration<LeaveCover>
{
    public void Configure(EntityTypeBuilder<LeaveCover> builder)
    {
        builder.Property(c => c.CreatedByName).HasMaxLength(200);
        builder.Property(c => c.ReturnReason).HasMaxLength(200);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        // Deleting the leave returns its cover first (TimeOffApi); the row then outlives it.
        builder.HasOne<TimeOff>().WithMany().HasForeignKey(c => c.TimeOffId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.LeaveCoverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.LeaveCoverId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_LeaveCovers_Range", "\"EndDate\" >= \"StartDate\""));
        // return-due looks for covers not yet returned whose leave has ended.
        builder.HasIndex(c => new { c.OrgId, c.ReturnedUtc, c.EndDate });
    }
}
