using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Reads the territories, languages and skills of members (two queries), for queues and rebalance.
public static class MemberFitQuery
{
    public static async Task<Dictionary<long, MemberFit>> LoadAsync(AppDbContext db, IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(memberIds);
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Territories, m.Languages })
            .ToListAsync(cancellationToken);
        var skills = (await db.MemberSkills.AsNoTracking().Where(s => memberIds.Contains(s.MemberId)).Select(s => new { s.MemberId, s.Skill, s.Level }).ToListAsync(cancellationToken))
            .ToLookup(s => s.MemberId);
        return members.ToDictionary(m => m.Id, m => new MemberFit(
            m.Territories, m.Languages,
            skills[m.Id].GroupBy(s => s.Skill, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Max(s => s.Level), StringComparer.OrdinalIgnoreCase)));
    }
}
