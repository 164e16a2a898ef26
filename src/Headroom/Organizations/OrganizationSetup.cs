using Headroom.Data;
using Headroom.Deals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Organizations;

// Creates an organization with what every organization starts with: a default pipeline and,
// for China, the official holiday calendar. All or nothing: in its own transaction, or in the
// caller's when there is one (the demo seeder creates the organization and its data together).
public static class OrganizationSetup
{
    public static async Task<Organization> CreateAsync(AppDbContext db, Organization organization, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        db.Tenant.Enter(organization.Id);

        var chinese = organization.DefaultLocale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        foreach (var stage in DefaultPipeline(chinese))
        {
            db.PipelineStages.Add(stage);
        }
        if (organization.TimeZoneId is "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Harbin" or "PRC")
        {
            db.CalendarDays.AddRange(HolidayCalendars.Load(HolidayCalendars.China, organization.DefaultLocale));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return organization;
    }

    public static Task<Organization?> FindAsync(AppDbContext db, string name, CancellationToken cancellationToken = default) =>
        db.Organizations.SingleOrDefaultAsync(o => o.Name == name, cancellationToken);

    public static IEnumerable<PipelineStage> DefaultPipeline(bool chinese)
    {
        (string En, string Zh, int Probability, DealOutcome? ClosesAs)[] stages =
        [
            ("Qualification", "资格确认", 10, null),
            ("Needs analysis", "需求分析", 20, null),
            ("Proposal", "方案报价", 40, null),
            ("Negotiation", "商务谈判", 70, null),
            ("Won", "赢单", 100, DealOutcome.Won),
            ("Lost", "输单", 0, DealOutcome.Lost),
        ];
        return stages.Select((s, i) => new PipelineStage
        {
            Name = chinese ? s.Zh : s.En,
            SortOrder = i + 1,
            WinProbability = s.Probability,
            ClosesAs = s.ClosesAs,
        });
    }
}
