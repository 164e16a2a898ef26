using Headroom.Accounts;
using Headroom.Deals;
using Headroom.Leads;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.FollowUps;

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.CoverMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Deal>().WithMany().HasForeignKey(f => f.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(f => f.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_FollowUps_Effort", "\"EffortHours\" >= 0"));
        builder.HasIndex(f => new { f.OrgId, f.AssigneeId, f.Status, f.DueUtc });
    }
}
