using Headroom.Organizations;
using Headroom.Workload;

namespace Headroom.Wellbeing;

// Burnout risk 0–100 per member from behaviour over the WindowDays local days that end on AsOf:
// after-hours and rest-day activity, overtime against contracted hours, the longest run of days
// with activity, days since the last leave of two days or more, and the pulse survey when the
// reader may see it. Weights and thresholds: docs/decisions/0019-burnout-risk.md.
public static class BurnoutRiskScorer
{
    public const int WindowDays = 28;
    // How far back WellbeingQuery reads leave; "days since leave" is at most this.
    public const int LeaveLookbackDays = 365;
    public const int MinimumLeaveDays = 2;

    public static IReadOnlyList<BurnoutRisk> Score(WellbeingInputs inputs, DateOnly asOf)
    {
        var first = asOf.AddDays(1 - WindowDays);
        var activity = inputs.Activity.ToLookup(a => a.MemberId);
        var leave = inputs.Leave.ToLookup(l => l.MemberId);
        var pulse = inputs.Pulse.ToLookup(p => p.MemberId);
        var exceptions = new Dictionary<DateOnly, CalendarDayKind>();
        foreach (var day in inputs.Calendar)
        {
            exceptions[day.Date] = exceptions.TryGetValue(day.Date, out var kind) && kind == CalendarDayKind.Holiday ? kind : day.Kind;
        }
        var startHour = inputs.WorkdayStart.Hour;
        var endHour = inputs.WorkdayEnd == TimeOnly.MinValue ? 24 : inputs.WorkdayEnd.Hour + (inputs.WorkdayEnd.Minute > 0 ? 1 : 0);

        var risks = new List<BurnoutRisk>(inputs.Members.Count);
        foreach (var member in inputs.Members)
        {
            var memberLeave = leave[member.Id].ToList();
            var onLeave = new bool[WindowDays];
            foreach (var off in memberLeave)
            {
                for (var n = Math.Max(off.Start.DayNumber, first.DayNumber); n <= Math.Min(off.End.DayNumber, asOf.DayNumber); n++)
                {
                    onLeave[n - first.DayNumber] = true;
                }
            }
            var minutes = new int[WindowDays];
            double afterHours = 0, restDays = 0;
            foreach (var bucket in activity[member.Id])
            {
                if (bucket.Date < first || bucket.Date > asOf || bucket.Minutes <= 0)
                {
                    continue;
                }
                var i = bucket.Date.DayNumber - first.DayNumber;
                minutes[i] += bucket.Minutes;
                var workingDay = !onLeave[i] && (exceptions.TryGetValue(bucket.Date, out var kind)
                    ? kind == CalendarDayKind.Workday
                    : inputs.Policy.WorkingDays.Includes(bucket.Date.DayOfWeek));
                if (!workingDay)
                {
                    restDays += bucket.Minutes;
                }
                else if (bucket.Hour < startHour || bucket.Hour >= endHour)
                {
                    afterHours += bucket.Minutes;
                }
            }
            const double weeks = WindowDays / 7.0;
            var afterHoursPerWeek = afterHours / 60 / weeks;
            var restDaysPerWeek = restDays / 60 / weeks;

            var capacity = CapacityCalendar.For(inputs.Policy, inputs.Calendar, member, memberLeave, first, asOf);
            double overtime = 0;
            for (var week = 0; week < WindowDays / 7; week++)
            {
                double logged = 0, contracted = 0;
                for (var d = week * 7; d < week * 7 + 7; d++)
                {
                    logged += minutes[d] / 60.0;
                    contracted += capacity.Days[d];
                }
                overtime += Math.Max(0, logged - contracted);
            }
            var overtimePerWeek = overtime / weeks;

            int longest = 0, run = 0;
            foreach (var m in minutes)
            {
                run = m > 0 ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            var sinceLeave = DaysSinceLeave(memberLeave, member.HireDate, asOf);

            var factors = new List<RiskFactor>
            {
                Factor(RiskFactorKind.AfterHours, Round(afterHoursPerWeek), Points(afterHoursPerWeek, 1, 9, 20)),
                Factor(RiskFactorKind.RestDays, Round(restDaysPerWeek), Points(restDaysPerWeek, 0, 5, 15)),
                Factor(RiskFactorKind.Overtime, Round(overtimePerWeek), Points(overtimePerWeek, 2, 10, 20)),
                Factor(RiskFactorKind.ConsecutiveDays, longest, Points(longest, 6, 14, 10)),
                Factor(RiskFactorKind.SinceLeave, sinceLeave, Points(sinceLeave, 90, 180, 15)),
            };
            var answers = pulse[member.Id].Where(p => p.WeekStart >= first.AddDays(-6) && p.WeekStart <= asOf).ToList();
            if (answers.Count > 0)
            {
                var energy = answers.Average(p => p.Energy);
                var stress = answers.Average(p => p.Stress);
                factors.Add(Factor(RiskFactorKind.LowEnergy, Round(energy), Points(3 - energy, 0, 2, 10)));
                factors.Add(Factor(RiskFactorKind.HighStress, Round(stress), Points(stress - 3, 0, 2, 10)));
            }
            var behind = factors.Where(f => f.Points > 0).OrderByDescending(f => f.Points).ThenBy(f => f.Kind).ToList();
            risks.Add(new BurnoutRisk(member.Id, member.Name, member.TeamId, Math.Min(100, behind.Sum(f => f.Points)), behind));
        }
        return [.. risks.OrderByDescending(r => r.Score).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.MemberId)];
    }

    // Days from the end of the last leave of MinimumLeaveDays or more (touching entries joined)
    // to asOf; 0 while on such leave. Without one: days since hire, at most the lookback.
    private static int DaysSinceLeave(List<LeaveInput> leave, DateOnly? hireDate, DateOnly asOf)
    {
        DateOnly? lastEnd = null;
        DateOnly? runStart = null, runEnd = null;
        foreach (var off in leave.Where(l => l.Start <= asOf).OrderBy(l => l.Start))
        {
            if (runEnd is { } end && off.Start.DayNumber <= end.DayNumber + 1)
            {
                runEnd = off.End > end ? off.End : end;
            }
            else
            {
                Close();
                runStart = off.Start;
                runEnd = off.End;
            }
        }
        Close();
        var since = lastEnd is { } last ? Math.Max(0, asOf.DayNumber - last.DayNumber) : LeaveLookbackDays;
        if (hireDate is { } hire && hire <= asOf)
        {
            since = Math.Min(since, asOf.DayNumber - hire.DayNumber);
        }
        return Math.Min(since, LeaveLookbackDays);

        void Close()
        {
            if (runStart is { } s && runEnd is { } e && e.DayNumber - s.DayNumber + 1 >= MinimumLeaveDays)
            {
                lastEnd = lastEnd is { } l && l > e ? l : e;
            }
        }
    }

    // Nothing up to `free`, then linear to `max` points at `full`.
    private static int Points(double value, double free, double full, int max) =>
        (int)Math.Round(Math.Clamp((value - free) / (full - free), 0, 1) * max, MidpointRounding.AwayFromZero);

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static RiskFactor Factor(RiskFactorKind kind, double value, int points) =>
        new(kind, value, points, "Wellbeing.Factor." + kind, [value]);
}
