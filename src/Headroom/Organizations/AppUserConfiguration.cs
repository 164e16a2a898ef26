using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrgId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Member).WithMany().HasForeignKey(u => u.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.OrgId, u.MemberId }).IsUnique();
        builder.Property(u => u.InvitationHash).HasMaxLength(32);
        // The invitation link names its organization, so the lookup leads with OrgId like a tenant row.
        builder.HasIndex(u => new { u.OrgId, u.InvitationHash }).IsUnique();
    }
}
