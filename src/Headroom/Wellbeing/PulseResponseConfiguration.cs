using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Wellbeing;

public sealed class PulseResponseConfiguration : IEntityTypeConfiguration<PulseResponse>
{
    public void Configure(EntityTypeBuilder<PulseResponse> builder)
    {
        builder.Property(p => p.Comment).HasMaxLength(1000);
        builder.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_PulseResponses_Energy", "\"Energy\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_PulseResponses_Stress", "\"Stress\" BETWEEN 1 AND 5");
        });
        // One answer per member and week; also serves the team averages per week.
        builder.HasIndex(p => new { p.OrgId, p.MemberId, p.WeekStart }).IsUnique();
        builder.HasIndex(p => new { p.OrgId, p.WeekStart });
    }
}
