using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Goals;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Description).HasMaxLength(2000);
        builder.Property(g => g.StrategyNote).HasMaxLength(2000);
        builder.HasOne(g => g.Team).WithMany().HasForeignKey(g => g.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Member).WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.ParentGoal).WithMany().HasForeignKey(g => g.ParentGoalId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Goals_Period", "\"EndDate\" >= \"StartDate\"");
            // The owner columns match the owner kind: no team or member for the organization.
            t.HasCheckConstraint("CK_Goals_Owner",
                "(\"OwnerKind\" = 0 AND \"TeamId\" IS NULL AND \"MemberId\" IS NULL) OR " +
                "(\"OwnerKind\" = 1 AND \"TeamId\" IS NOT NULL AND \"MemberId\" IS NULL) OR " +
                "(\"OwnerKind\" = 2 AND \"MemberId\" IS NOT NULL AND \"TeamId\" IS NULL)");
        });
        builder.HasIndex(g => new { g.OrgId, g.StartDate, g.EndDate });
        builder.HasIndex(g => new { g.OrgId, g.TeamId });
        builder.HasIndex(g => new { g.OrgId, g.MemberId });
        builder.HasIndex(g => new { g.OrgId, g.ParentGoalId });
    }
}
