using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class UserLoginConfiguration : IEntityTypeConfiguration<UserLogin>
{
    public void Configure(EntityTypeBuilder<UserLogin> builder)
    {
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.NormalizedEmail).HasMaxLength(254);
        builder.Property(l => l.PasswordHash).HasMaxLength(500);
        builder.HasOne(l => l.Member).WithMany().HasForeignKey(l => l.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OrgId, l.NormalizedEmail }).IsUnique();
        builder.HasIndex(l => new { l.OrgId, l.MemberId }).IsUnique();
    }
}
