using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Assignment;

public sealed class AssignmentLogEntryConfiguration : IEntityTypeConfiguration<AssignmentLogEntry>
{
    public const string Table = "AssignmentLog";

    public void Configure(EntityTypeBuilder<AssignmentLogEntry> builder)
    {
        builder.ToTable(Table);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ItemLabel).HasMaxLength(300);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.HasIndex(e => new { e.OrgId, e.AtUtc });
        builder.HasIndex(e => new { e.OrgId, e.FromMemberId, e.AtUtc });
        builder.HasIndex(e => new { e.OrgId, e.ToMemberId, e.AtUtc });
        builder.HasIndex(e => new { e.OrgId, e.ItemKind, e.ItemId });
        builder.HasIndex(e => new { e.OrgId, e.BatchId });
    }
}
