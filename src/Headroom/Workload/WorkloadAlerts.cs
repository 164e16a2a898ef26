namespace Headroom.Workload;

// Turns a weekly WorkloadResult into alerts a manager can act on: a member overloaded two weeks
// running (a one-week spike is normal in sales, two in a row is a pattern), and a member with room
// this week while a teammate is overloaded (the case a rebalance fixes). Pure.
public static class WorkloadAlerts
{
    public const int RunningWeeks = 2;

    // takesWork: the members who may be given more work (reps; a manager's own load is not the
    // room a rebalance looks for). Null: everyone.
    public static IReadOnlyList<WorkloadAlert> Find(WorkloadResult weeks, DateOnly thisWeek, IReadOnlySet<long>? takesWork = null)
    {
        var alerts = new List<WorkloadAlert>();
        foreach (var member in weeks.Members)
        {
            if (LongestOverloadedRun(member.Periods) is { } run)
            {
                alerts.Add(new WorkloadAlert(WorkloadAlertKind.OverloadedWeeks, member.MemberId, member.Name, member.TeamId,
                    run.From, run.To, run.Peak, []));
            }
        }
        foreach (var team in weeks.Members.GroupBy(m => m.TeamId))
        {
            var current = team
                .Select(m => (Member: m, Week: m.Periods.FirstOrDefault(p => p.Start == thisWeek)))
                .Where(x => x.Week is { Utilization: not null })
                .ToList();
            var overloaded = current.Where(x => x.Week!.Band == WorkloadBand.Overloaded)
                .OrderByDescending(x => x.Week!.Utilization).ThenBy(x => x.Member.MemberId)
                .Select(x => new OverloadedTeammate(x.Member.MemberId, x.Member.Name, x.Week!.Utilization!.Value))
                .ToList();
            if (overloaded.Count == 0)
            {
                continue;
            }
            foreach (var (member, week) in current
                .Where(x => x.Week!.Band == WorkloadBand.Under && (takesWork is null || takesWork.Contains(x.Member.MemberId)))
                .OrderBy(x => x.Week!.Utilization).ThenBy(x => x.Member.MemberId))
            {
                alerts.Add(new WorkloadAlert(WorkloadAlertKind.UnderloadedWhileOthersOverloaded, member.MemberId, member.Name, member.TeamId,
                    week!.Start, week.End, week.Utilization!.Value, overloaded));
            }
        }
        // Overloaded members first, the most loaded first; then the ones with room, the emptiest first.
        return [.. alerts
            .OrderBy(a => a.Kind)
            .ThenBy(a => a.Kind == WorkloadAlertKind.OverloadedWeeks ? -a.Utilization : a.Utilization)
            .ThenBy(a => a.MemberId)];
    }

    // The longest run of consecutive overloaded weeks of at least RunningWeeks (the latest if two
    // are as long), with its highest utilization. A week without capacity breaks the run.
    private static (DateOnly From, DateOnly To, double Peak)? LongestOverloadedRun(IReadOnlyList<PeriodWorkload> periods)
    {
        (DateOnly From, DateOnly To, double Peak)? best = null;
        var length = 0;
        var bestLength = 0;
        for (var i = 0; i < periods.Count; i++)
        {
            length = periods[i].Band == WorkloadBand.Overloaded ? length + 1 : 0;
            if (length >= RunningWeeks && length >= bestLength)
            {
                var run = periods.Skip(i - length + 1).Take(length).ToList();
                best = (run[0].Start, run[^1].End, run.Max(p => p.Utilization ?? 0));
                bestLength = length;
            }
        }
        return best;
    }
}
