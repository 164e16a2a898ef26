using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(40);
        builder.Property(t => t.SecretHash).HasMaxLength(32);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        // The token names its organization, so authentication looks it up like any tenant row
        // (docs/decisions/0014-personal-access-tokens.md).
        builder.HasIndex(t => new { t.OrgId, t.SecretHash }).IsUnique();
        builder.HasIndex(t => new { t.OrgId, t.UserId });
    }
}
