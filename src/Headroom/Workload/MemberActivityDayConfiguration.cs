using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Workload;

public sealed class MemberActivityDayConfiguration : IEntityTypeConfiguration<MemberActivityDay>
{
    public void Configure(EntityTypeBuilder<MemberActivityDay> builder)
    {
        builder.HasKey(d => new { d.OrgId, d.MemberId, d.Day });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrgId).OnDelete(DeleteBehavior.Restrict);
        // The days go with their member; the key's leading columns serve the foreign key.
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        // A period's totals over everyone (the organization's dashboard) read by day; the counts
        // are in the index so the rows themselves are not visited.
        builder.HasIndex(d => new { d.OrgId, d.Day, d.Activities, d.Visits });
    }
}
