using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Reviews;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.SelfReview).HasMaxLength(4000);
        builder.Property(r => r.ManagerComment).HasMaxLength(4000);
        builder.Property(r => r.CalibrationNote).HasMaxLength(1000);
        builder.Property(r => r.SelfRatings).AsJson();
        builder.Property(r => r.ManagerRatings).AsJson();
        builder.Property(r => r.Kpis).AsJson();
        builder.Property(r => r.KpiScore).HasPrecision(5, 1);
        builder.Property(r => r.CompetencyScore).HasPrecision(5, 1);
        builder.Property(r => r.OverallScore).HasPrecision(5, 1);
        builder.Property(r => r.CalibratedScore).HasPrecision(5, 1);
        builder.HasOne(r => r.Cycle).WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Reviewer).WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Headroom.Organizations.Member>().WithMany().HasForeignKey(r => r.CalibratedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrgId, r.CycleId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.OrgId, r.MemberId });
    }
}
