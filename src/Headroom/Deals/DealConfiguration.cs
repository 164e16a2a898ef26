using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Deals;

public sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.LostReason).HasMaxLength(500);
        builder.HasOne(d => d.Account).WithMany().HasForeignKey(d => d.AccountId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Stage).WithMany().HasForeignKey(d => d.StageId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Deals_Amount", "\"AmountMinor\" >= 0"));
        builder.HasIndex(d => new { d.OrgId, d.OwnerId, d.Outcome });
        builder.HasIndex(d => new { d.OrgId, d.AccountId });
        builder.HasIndex(d => new { d.OrgId, d.StageId });
        // Figures for a period (won, lost and created in it; won by month) read deals by date.
        builder.HasIndex(d => new { d.OrgId, d.ClosedUtc }).HasFilter("\"ClosedUtc\" IS NOT NULL");
        builder.HasIndex(d => new { d.OrgId, d.CreatedUtc });
        // The deals won or lost in a period, and won revenue by month, answered from the index
        // alone: without it each of an organization's closed deals is a lookup in the table
        // (a year's won deals of the large demo: 50 ms on SQLite, 2.5 ms with it).
        builder.HasIndex(d => new { d.OrgId, d.Outcome, d.ClosedUtc, d.AmountMinor, d.CreatedUtc });
        // The open pipeline, plain and weighted, and what of it is expected to close by a date,
        // likewise (the weighted pipeline of the large demo: 28 ms on SQLite, 1 ms with it).
        builder.HasIndex(d => new { d.OrgId, d.Outcome, d.ExpectedCloseDate, d.StageId, d.AmountMinor });
    }
}
