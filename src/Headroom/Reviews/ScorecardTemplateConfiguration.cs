using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Reviews;

public sealed class ScorecardTemplateConfiguration : IEntityTypeConfiguration<ScorecardTemplate>
{
    public void Configure(EntityTypeBuilder<ScorecardTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Items).AsJson();
        builder.HasIndex(t => t.OrgId).IsUnique();
    }
}
