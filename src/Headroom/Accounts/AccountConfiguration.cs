using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Accounts;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Industry).HasMaxLength(100);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.Territory).HasMaxLength(100);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.PoolTeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.OrgId, a.OwnerId });
        builder.HasIndex(a => new { a.OrgId, a.PoolTeamId });
        builder.HasIndex(a => new { a.OrgId, a.Name });
    }
}
