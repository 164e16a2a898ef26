using Headroom.Accounts;
using Headroom.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Feedback;

public sealed class CustomerFeedbackConfiguration : IEntityTypeConfiguration<CustomerFeedback>
{
    public void Configure(EntityTypeBuilder<CustomerFeedback> builder)
    {
        builder.ToTable("CustomerFeedback", t => t.HasCheckConstraint("CK_CustomerFeedback_Score",
            "(\"Kind\" = 0 AND \"Score\" BETWEEN 1 AND 5) OR (\"Kind\" = 1 AND \"Score\" BETWEEN 0 AND 10)"));
        builder.Property(f => f.Comment).HasMaxLength(4000);
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Deal>().WithMany().HasForeignKey(f => f.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OrgId, f.AccountId, f.Date });
    }
}
