using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class MemberSkillConfiguration : IEntityTypeConfiguration<MemberSkill>
{
    public void Configure(EntityTypeBuilder<MemberSkill> builder)
    {
        builder.Property(s => s.Skill).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("CK_MemberSkills_Level", "\"Level\" BETWEEN 1 AND 5"));
        builder.HasIndex(s => new { s.OrgId, s.MemberId, s.Skill }).IsUnique();
    }
}
