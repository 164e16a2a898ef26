using Headroom.FollowUps;

namespace Headroom.Workload;

// The workload index: per member and period, capacity, planned load by part, actual hours,
// utilization, band and trend; per period, the spread across the members. Pure: the same
// inputs and request always give the same result. How each kind of work is spread over days is
// in docs/decisions/0018-effort-model-and-workload-index.md.
public static class WorkloadScorer
{
    // An open follow-up due years ahead is planned up to this far, so one bad date cannot make
    // every member's calendar years long.
    private const int MaxPlanningDays = 3 * 366;
    // Room after the last day of interest to find the first working day after a long leave.
    private const int SearchDays = 62;

    public static WorkloadResult Score(WorkloadInputs inputs, WorkloadRequest request)
    {
        if (request.To < request.From)
        {
            throw new ArgumentException($"The range ends ({request.To}) before it starts ({request.From}).", nameof(request));
        }
        if (request.TrendPeriods < 0)
        {
            throw new ArgumentException("TrendPeriods cannot be negative.", nameof(request));
        }
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var start = request.HistoryStart; start <= request.LastPeriodEnd; start = WorkloadRequest.Step(start, request.Period, 1))
        {
            periods.Add((start, WorkloadRequest.Step(start, request.Period, 1).AddDays(-1)));
        }
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var leave = inputs.Leave.ToLookup(l => l.MemberId);
        var followUps = inputs.FollowUps.ToLookup(f => f.MemberId);
        var deals = inputs.Deals.ToLookup(d => d.MemberId);
        var accounts = inputs.Accounts.ToLookup(a => a.MemberId);
        var activity = inputs.Activity.ToLookup(a => a.MemberId);

        var members = new List<MemberWorkload>(inputs.Members.Count);
        foreach (var member in inputs.Members)
        {
            var zoneId = member.TimeZoneId ?? inputs.Policy.TimeZoneId;
            if (!zones.TryGetValue(zoneId, out var zone))
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                zones[zoneId] = zone;
            }
            var days = ScoreDays(inputs, request, member, zone, leave[member.Id], followUps[member.Id], deals[member.Id], accounts[member.Id], activity[member.Id]);
            members.Add(new MemberWorkload(member.Id, member.Name, member.TeamId, Aggregate(days, periods, request, inputs.Effort.Bands)));
        }
        return new WorkloadResult(members, Distribution(members));
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    // One member's capacity, load parts and actual hours for every day of a span that covers the
    // scored periods in whole weeks and months, "today", and the open follow-ups' due dates.
    private static MemberDays ScoreDays(
        WorkloadInputs inputs,
        WorkloadRequest request,
        MemberInput member,
        TimeZoneInfo zone,
        IEnumerable<LeaveInput> leave,
        IEnumerable<FollowUpInput> followUps,
        IEnumerable<DealInput> deals,
        IEnumerable<AccountInput> accounts,
        IEnumerable<ActivityDay> activity)
    {
        var effort = inputs.Effort;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.AsOf, zone).DateTime);
        var open = followUps.Where(f => f.Status == FollowUpStatus.Open).ToList();
        var latestDue = open.Count == 0 ? today : open.Max(f => LocalDate(f.DueUtc, zone));
        if (latestDue > today.AddDays(MaxPlanningDays))
        {
            latestDue = today.AddDays(MaxPlanningDays);
        }
        var earliest = Min(request.HistoryStart, today);
        var latest = Max(Max(request.LastPeriodEnd, latestDue), today).AddDays(SearchDays);
        var first = Min(WorkloadRequest.PeriodStart(earliest, WorkloadPeriod.Week), WorkloadRequest.PeriodStart(earliest, WorkloadPeriod.Month));
        var last = Max(WorkloadRequest.PeriodEnd(latest, WorkloadPeriod.Week), WorkloadRequest.PeriodEnd(latest, WorkloadPeriod.Month));
        var capacity = CapacityCalendar.For(inputs.Policy, inputs.Calendar, member, leave, first, last).Days;
        var length = capacity.Count;
        int Index(DateOnly day) => day.DayNumber - first.DayNumber;

        var prefix = new double[length + 1];
        for (var i = 0; i < length; i++)
        {
            prefix[i + 1] = prefix[i] + capacity[i];
        }
        var todayIndex = Index(today);
        var firstWorkingFromToday = todayIndex;
        while (firstWorkingFromToday < length && capacity[firstWorkingFromToday] <= 0)
        {
            firstWorkingFromToday++;
        }
        if (firstWorkingFromToday == length)
        {
            firstWorkingFromToday = todayIndex;
        }

        // Follow-ups. Done ones are load on the day they were completed; open ones are spread
        // from today to the due date in proportion to each day's capacity; overdue ones, and ones
        // whose window has no capacity at all, land on the first working day from today.
        var followUpPoint = new double[length];
        var followUpRate = new double[length + 1];
        foreach (var followUp in followUps)
        {
            var hours = effort.FollowUpHours(followUp.EffortHours, followUp.Priority);
            if (followUp.Status == FollowUpStatus.Done)
            {
                if (followUp.CompletedUtc is { } completed && Index(LocalDate(completed, zone)) is var done && done >= 0 && done < length)
                {
                    followUpPoint[done] += hours;
                }
                continue;
            }
            if (followUp.Status != FollowUpStatus.Open)
            {
                continue;
            }
            var due = Math.Min(Index(LocalDate(followUp.DueUtc, zone)), length - 1);
            var window = due >= todayIndex ? prefix[due + 1] - prefix[todayIndex] : 0;
            if (window > 0)
            {
                followUpRate[todayIndex] += hours / window;
                followUpRate[due + 1] -= hours / window;
            }
            else
            {
                followUpPoint[firstWorkingFromToday] += hours;
            }
        }

        // Deals count hours per week from the day they were created, spread over the week's
        // capacity; accounts hours per month, spread over the month's capacity. A week or month
        // without capacity carries none of it.
        var dealStarts = new double[length + 1];
        foreach (var deal in deals)
        {
            dealStarts[Math.Clamp(Index(LocalDate(deal.CreatedUtc, zone)), 0, length)] += effort.DealHoursPerWeek(deal.StageId, deal.WinProbability) * deal.Count;
        }
        var accountStarts = new double[length + 1];
        foreach (var account in accounts)
        {
            accountStarts[Math.Clamp(Index(LocalDate(account.CreatedUtc, zone)), 0, length)] += effort.AccountHoursPerMonth(account.Tier) * account.Count;
        }
        var weekCapacity = PeriodCapacity(capacity, first, WorkloadPeriod.Week);
        var monthCapacity = PeriodCapacity(capacity, first, WorkloadPeriod.Month);

        var result = new MemberDays(first, length);
        double rate = 0, dealHours = 0, accountHours = 0;
        for (var i = 0; i < length; i++)
        {
            var hours = capacity[i];
            rate += followUpRate[i];
            dealHours += dealStarts[i];
            accountHours += accountStarts[i];
            result.Capacity[i] = hours;
            result.FollowUps[i] = followUpPoint[i] + (hours > 0 ? hours * rate : 0);
            result.Deals[i] = hours > 0 ? hours * dealHours / weekCapacity[i] : 0;
            result.Accounts[i] = hours > 0 ? hours * accountHours / monthCapacity[i] : 0;
            result.Overhead[i] = hours * effort.OverheadShare;
        }
        foreach (var day in activity)
        {
            var i = Index(day.Date);
            if (i < 0 || i >= length)
            {
                continue;
            }
            result.Actual[i] += day.ActualMinutes / 60.0;
            result.Meetings[i] += (day.MeetingMinutes + day.VisitMinutes) / 60.0
                + day.Meetings * effort.MeetingTravelHours + day.Visits * effort.VisitTravelHours;
        }
        return result;
    }

    // For each day, the total capacity of the week or month it falls in.
    private static double[] PeriodCapacity(IReadOnlyList<double> capacity, DateOnly first, WorkloadPeriod period)
    {
        var totals = new double[capacity.Count];
        var i = 0;
        while (i < capacity.Count)
        {
            var end = Math.Min(WorkloadRequest.PeriodEnd(first.AddDays(i), period).DayNumber - first.DayNumber, capacity.Count - 1);
            double sum = 0;
            for (var j = i; j <= end; j++)
            {
                sum += capacity[j];
            }
            for (var j = i; j <= end; j++)
            {
                totals[j] = sum;
            }
            i = end + 1;
        }
        return totals;
    }

    private static List<PeriodWorkload> Aggregate(MemberDays days, List<(DateOnly Start, DateOnly End)> periods, WorkloadRequest request, BandThresholds bands)
    {
        var scored = new List<PeriodWorkload>(periods.Count);
        var earlier = new List<double>();
        foreach (var (start, end) in periods)
        {
            double capacity = 0, followUps = 0, deals = 0, accounts = 0, meetings = 0, overhead = 0, actual = 0;
            for (var i = start.DayNumber - days.First.DayNumber; i <= end.DayNumber - days.First.DayNumber; i++)
            {
                capacity += days.Capacity[i];
                followUps += days.FollowUps[i];
                deals += days.Deals[i];
                accounts += days.Accounts[i];
                meetings += days.Meetings[i];
                overhead += days.Overhead[i];
                actual += days.Actual[i];
            }
            var load = new LoadParts(followUps, deals, accounts, meetings, overhead);
            double? utilization = capacity > 0 ? load.Total / capacity : null;
            double? actualUtilization = capacity > 0 ? actual / capacity : null;
            var window = earlier.TakeLast(request.TrendPeriods).ToList();
            double? trend = utilization is { } u && window.Count > 0 ? u - window.Average() : null;
            if (start >= request.FirstPeriodStart)
            {
                scored.Add(new PeriodWorkload(start, end, capacity, load, actual, utilization, actualUtilization, bands.Classify(utilization), trend));
            }
            if (utilization is { } value)
            {
                earlier.Add(value);
            }
        }
        return scored;
    }

    private static List<TeamDistribution> Distribution(List<MemberWorkload> members)
    {
        var team = new List<TeamDistribution>();
        if (members.Count == 0)
        {
            return team;
        }
        for (var p = 0; p < members[0].Periods.Count; p++)
        {
            var period = members[0].Periods[p];
            var values = members.Select(m => m.Periods[p].Utilization).OfType<double>().Order().ToList();
            if (values.Count == 0)
            {
                team.Add(new TeamDistribution(period.Start, period.End, 0, null, null, null, null));
                continue;
            }
            var mean = values.Average();
            var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            var median = values.Count % 2 == 1
                ? values[values.Count / 2]
                : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
            team.Add(new TeamDistribution(period.Start, period.End, values.Count, values[0], median, values[^1], mean > 0 ? deviation / mean : null));
        }
        return team;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed class MemberDays(DateOnly first, int length)
    {
        public DateOnly First { get; } = first;
        public double[] Capacity { get; } = new double[length];
        public double[] FollowUps { get; } = new double[length];
        public double[] Deals { get; } = new double[length];
        public double[] Accounts { get; } = new double[length];
        public double[] Meetings { get; } = new double[length];
        public double[] Overhead { get; } = new double[length];
        public double[] Actual { get; } = new double[length];
    }
}
