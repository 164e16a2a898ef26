using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Organizations;

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne(t => t.ParentTeam).WithMany().HasForeignKey(t => t.ParentTeamId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Manager).WithMany().HasForeignKey(t => t.ManagerId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.OrgId, t.ParentTeamId });
        builder.HasIndex(t => new { t.OrgId, t.ManagerId });
    }
}
