using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Locale).HasMaxLength(16);
        builder.Property(m => m.TimeZoneId).HasMaxLength(64);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Skills).WithOne().HasForeignKey(s => s.MemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrgId, m.TeamId });
        builder.HasIndex(m => new { m.OrgId, m.Email }).IsUnique();
    }
}
