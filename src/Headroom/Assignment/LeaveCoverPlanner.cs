using Headroom.Workload;

namespace Headroom.Assignment;

// Chooses who covers a member's follow-ups while they are on leave (docs/decisions/0029). The
// follow-ups are grouped by account (else by deal) so one colleague covers all of a customer's;
// the largest groups are placed first. A group goes to the best colleague who is not on leave
// in the window and stays within the healthy band after taking it: a teammate before anyone
// else under the same manager, one whose territories include the account's, then the least
// utilized afterwards, then the lowest id. A group nobody can take whole is placed item by item;
// what still fits nowhere stays uncovered (its due date waits for the owner, or the manager
// picks someone). Pure and deterministic: the same inputs give the same plan.
public static class LeaveCoverPlanner
{
    public static LeaveCoverPlan Plan(LeaveCoverInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var candidates = inputs.Candidates.Where(c => c.Id != inputs.MemberId && !c.OnLeave && c.CapacityHours > 0).OrderBy(c => c.Id).ToList();
        var load = candidates.ToDictionary(c => c.Id, c => c.LoadHours);
        var groups = inputs.Items
            .GroupBy(i => i.AccountId is { } account ? (0, account) : i.DealId is { } deal ? (1, deal) : (2, i.FollowUpId))
            .Select(g => g.OrderBy(i => i.FollowUpId).ToList())
            .OrderByDescending(g => g.Sum(i => i.Hours)).ThenBy(g => g[0].FollowUpId)
            .ToList();
        var lines = new List<CoverLine>();
        var uncovered = new List<UncoveredItem>();
        foreach (var group in groups)
        {
            if (!Place(group))
            {
                foreach (var item in group.Where(item => !Place([item])))
                {
                    uncovered.Add(new UncoveredItem(item.FollowUpId, item.Label, item.Hours));
                }
            }
        }
        return new LeaveCoverPlan([.. lines.OrderBy(l => l.AccountName ?? l.Label, StringComparer.Ordinal).ThenBy(l => l.FollowUpId)], uncovered);

        bool Place(List<CoverItem> group)
        {
            var hours = group.Sum(i => i.Hours);
            var territory = group[0].Territory;
            var ranked = candidates
                .Where(c => inputs.Bands.Classify((load[c.Id] + hours) / c.CapacityHours) is WorkloadBand.Under or WorkloadBand.Healthy)
                .Select(c => (Candidate: c, Match: Matches(c, territory), After: (load[c.Id] + hours) / c.CapacityHours))
                .OrderBy(c => c.Candidate.SameTeam ? 0 : 1).ThenBy(c => c.Match ? 0 : 1).ThenBy(c => c.After).ThenBy(c => c.Candidate.Id)
                .ToList();
            if (ranked.Count == 0)
            {
                return false;
            }
            var (cover, match, after) = ranked[0];
            var before = load[cover.Id] / cover.CapacityHours;
            RunnerUp? runnerUp = ranked.Count > 1 ? new RunnerUp(ranked[1].Candidate.Id, ranked[1].Candidate.Name, ranked[1].After) : null;
            load[cover.Id] += hours;
            lines.AddRange(group.Select(item => new CoverLine(
                item.FollowUpId, item.Label, item.AccountId, item.AccountName, item.Hours, cover.Id, cover.Name,
                cover.SameTeam ? CoverReason.SameTeam : CoverReason.ManagersTeams, match, group.Count, before, after, runnerUp)));
            return true;
        }
    }

    private static bool Matches(CoverCandidate candidate, string? territory) =>
        territory is not null && candidate.Territories.Contains(territory, StringComparer.OrdinalIgnoreCase);
}
