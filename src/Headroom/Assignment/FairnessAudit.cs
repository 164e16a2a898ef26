using Headroom.Accounts;
using Headroom.Workload;

namespace Headroom.Assignment;

// Who got which work, against capacity, over time (docs/decisions/0030). Pure: the log entries,
// the reps' capacity and the effort each item carries come in; per rep and week or month come out
// the items received by kind, their hours, what was given away, the capacity and the inflow per
// capacity hour, and across the reps the coefficient of variation, Gini and highest-to-lowest ratio
// of that inflow. A lead received and disqualified within CreditDays is credited back: it stays in
// the counts, but its hours are not inflow.
public static class FairnessAudit
{
    // Inflow per capacity hour varying by at most a quarter of its mean across the reps reads as fair.
    public const double FairCoefficientOfVariation = 0.25;

    // The effort model has no hours for an unconverted lead (ADR 18); its first contact and
    // qualification are taken as one hour. Deals and accounts count their first month of care.
    public const double LeadHours = 1;
    private const double WeeksPerMonth = 52.0 / 12;

    public static double DealHours(EffortModel model, long stageId, int winProbability) =>
        model.DealHoursPerWeek(stageId, winProbability) * WeeksPerMonth;

    public static double AccountHours(EffortModel model, AccountTier tier) => model.AccountHoursPerMonth(tier);

    public static FairnessResult Compute(FairnessInputs inputs)
    {
        if (inputs.To < inputs.From)
        {
            throw new ArgumentException($"The period ends ({inputs.To}) before it starts ({inputs.From}).", nameof(inputs));
        }
        var spans = Buckets(inputs.From, inputs.To, inputs.Granularity);
        var index = inputs.Members.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var cells = inputs.Members.Select(_ => spans.Select(_ => new Tally()).ToArray()).ToArray();

        for (var m = 0; m < inputs.Members.Count; m++)
        {
            var member = inputs.Members[m];
            for (var b = 0; b < spans.Count; b++)
            {
                for (var day = spans[b].Start; day <= spans[b].End; day = day.AddDays(1))
                {
                    var offset = day.DayNumber - inputs.From.DayNumber;
                    var active = (member.ActiveFrom is not { } from || day >= from) && (member.ActiveUntil is not { } until || day <= until);
                    if (active && offset < member.DailyHours.Count)
                    {
                        cells[m][b].Capacity += member.DailyHours[offset];
                    }
                }
            }
        }

        foreach (var entry in inputs.Entries)
        {
            if (entry.Day < inputs.From || entry.Day > inputs.To)
            {
                continue;
            }
            var b = BucketOf(spans, entry.Day);
            if (entry.ToMemberId is { } to && index.TryGetValue(to, out var receiver))
            {
                var tally = cells[receiver][b];
                tally.Received[(int)entry.Kind]++;
                tally.ReceivedHours += entry.Hours;
                if (entry.Kind == RebalanceItemKind.Lead && entry.DisqualifiedOn is { } disqualified
                    && disqualified >= entry.Day && disqualified.DayNumber - entry.Day.DayNumber <= inputs.CreditDays)
                {
                    tally.CreditedLeads++;
                    tally.CreditedHours += entry.Hours;
                }
            }
            if (entry.FromMemberId is { } from && index.TryGetValue(from, out var giver))
            {
                cells[giver][b].GivenItems++;
                cells[giver][b].GivenHours += entry.Hours;
            }
        }

        var rows = new List<(FairnessMember Member, FairnessCell[] Cells, FairnessCell Total)>();
        for (var m = 0; m < inputs.Members.Count; m++)
        {
            var own = cells[m].Select(t => t.ToCell()).ToArray();
            rows.Add((inputs.Members[m], own, Sum(own)));
        }
        var inflow = rows.Sum(r => r.Total.InflowHours);
        var capacity = rows.Sum(r => r.Total.CapacityHours);
        var reps = rows.Select(r => new FairnessRepRow(r.Member.Id, r.Member.Name, r.Cells, r.Total,
            inflow > 0 ? r.Total.InflowHours / inflow : 0, capacity > 0 ? r.Total.CapacityHours / capacity : 0)).ToList();
        var buckets = spans.Select((s, b) => new FairnessBucket(s.Start, s.End, Skew(rows.Select(r => r.Cells[b])))).ToList();
        var overall = Skew(rows.Select(r => r.Total));
        return new FairnessResult(inputs.From, inputs.To, inputs.Granularity, inputs.CreditDays, buckets, reps, overall, Verdict(reps, overall));
    }

    // Across the cells with capacity. The Gini is the mean absolute difference over twice the mean.
    public static FairnessSkew Skew(IEnumerable<FairnessCell> cells)
    {
        var values = cells.Select(c => c.PerCapacityHour).OfType<double>().ToList();
        if (values.Count == 0)
        {
            return new FairnessSkew(0, 0, 0, 0, null);
        }
        var mean = values.Average();
        if (mean <= 0)
        {
            return new FairnessSkew(values.Count, 0, 0, 0, null);
        }
        var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        var differences = values.Sum(a => values.Sum(b => Math.Abs(a - b)));
        var gini = differences / (2.0 * values.Count * values.Count * mean);
        var min = values.Min();
        double? ratio = values.Count >= 2 && min > 0 ? values.Max() / min : null;
        return new FairnessSkew(values.Count, mean, deviation / mean, gini, ratio);
    }

    private static FairnessVerdict Verdict(IReadOnlyList<FairnessRepRow> reps, FairnessSkew overall)
    {
        if (overall.Reps < 2 || overall.CoefficientOfVariation <= FairCoefficientOfVariation)
        {
            return new FairnessVerdict(true, null, null, null, null);
        }
        var counted = reps.Where(r => r.Total.PerCapacityHour is not null).ToList();
        var most = counted.MaxBy(r => r.Total.PerCapacityHour)!;
        var least = counted.MinBy(r => r.Total.PerCapacityHour)!;
        return new FairnessVerdict(false, most.MemberId, most.Name, least.MemberId, least.Name);
    }

    // Weeks run Monday to Sunday, months are calendar months; the first and last are cut to the period.
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Buckets(DateOnly from, DateOnly to, FairnessGranularity granularity)
    {
        var spans = new List<(DateOnly, DateOnly)>();
        var start = from;
        while (start <= to)
        {
            var next = granularity == FairnessGranularity.Month
                ? new DateOnly(start.Year, start.Month, 1).AddMonths(1)
                : start.AddDays(7 - ((int)start.DayOfWeek + 6) % 7);
            var end = next.AddDays(-1) < to ? next.AddDays(-1) : to;
            spans.Add((start, end));
            start = next;
        }
        return spans;
    }

    private static int BucketOf(IReadOnlyList<(DateOnly Start, DateOnly End)> spans, DateOnly day)
    {
        for (var b = 0; b < spans.Count; b++)
        {
            if (day <= spans[b].End)
            {
                return b;
            }
        }
        return spans.Count - 1;
    }

    private static FairnessCell Sum(IReadOnlyList<FairnessCell> cells) => new(
        cells.Sum(c => c.Leads), cells.Sum(c => c.Accounts), cells.Sum(c => c.Deals), cells.Sum(c => c.FollowUps),
        cells.Sum(c => c.ReceivedHours), cells.Sum(c => c.GivenItems), cells.Sum(c => c.GivenHours),
        cells.Sum(c => c.CreditedLeads), cells.Sum(c => c.CreditedHours), cells.Sum(c => c.CapacityHours));

    private sealed class Tally
    {
        public readonly int[] Received = new int[4];
        public double ReceivedHours;
        public int GivenItems;
        public double GivenHours;
        public int CreditedLeads;
        public double CreditedHours;
        public double Capacity;

        public FairnessCell ToCell() => new(
            Received[(int)RebalanceItemKind.Lead], Received[(int)RebalanceItemKind.Account], Received[(int)RebalanceItemKind.Deal],
            Received[(int)RebalanceItemKind.FollowUp], ReceivedHours, GivenItems, GivenHours, CreditedLeads, CreditedHours, Capacity);
    }
}
