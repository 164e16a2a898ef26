using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_TimeOffs_Range", "\"EndDate\" >= \"StartDate\""));
        builder.HasIndex(t => new { t.OrgId, t.MemberId, t.StartDate });
    }
}
