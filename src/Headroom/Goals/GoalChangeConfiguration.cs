using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Goals;

public sealed class GoalChangeConfiguration : IEntityTypeConfiguration<GoalChange>
{
    public void Configure(EntityTypeBuilder<GoalChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(1000);
        // A goal with history is not deleted (the API refuses locked goals); drafts take theirs along.
        builder.HasOne(c => c.Goal).WithMany().HasForeignKey(c => c.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrgId, c.GoalId, c.ChangedUtc });
    }
}
