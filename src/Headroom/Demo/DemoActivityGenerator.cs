using Headroom.Activities;

namespace Headroom.Demo;

// Twelve months of logged activity per rep, plus the meetings already planned for the next two
// weeks, as a lazy stream: nothing is held beyond one rep-day, so 10M rows cost no memory.
// Plain seeded Random here, not Bogus: this loop runs once per row.
internal static class DemoActivityGenerator
{
    public const int PlannedDays = 14;

    // Minutes after local midnight where the working day's activity clusters (9:00–18:00 with
    // a lunch dip), as cumulative weights per half hour.
    private static readonly int[] WorkdaySlots = Cumulative([4, 8, 12, 12, 11, 10, 3, 3, 6, 9, 11, 11, 11, 10, 10, 9, 7, 5]);
    private const int WorkdayStartMinute = 9 * 60;

    public static IEnumerable<SalesActivity> Generate(IReadOnlyList<DemoRepPlan> reps, DemoCalendar calendar, DemoOptions options,
        DateOnly historyStart, Action<int>? repDone = null)
    {
        var done = 0;
        foreach (var rep in reps)
        {
            foreach (var activity in ForRep(rep, calendar, options, historyStart))
            {
                yield return activity;
            }
            repDone?.Invoke(++done);
        }
    }

    public static IEnumerable<SalesActivity> ForRep(DemoRepPlan rep, DemoCalendar calendar, DemoOptions options, DateOnly historyStart)
    {
        var random = DemoRandom.Stream(options.Seed, DemoStream.Activities, rep.Index);
        var rate = options.Scale.ActivitiesPerWorkday * rep.CapacityFactor * (rep.Overloaded ? 1.5 : 1.0);
        var afterHoursShare = rep.AfterHours ? 0.3 : rep.Overloaded ? 0.06 : 0.02;
        // After-hours reps work most weekends, for hours at a time: enough rest-day work and long
        // runs of days for the burnout risk of the worst of them to reach the alert threshold.
        var weekendChance = rep.AfterHours ? 0.6 : rep.Overloaded ? 0.1 : 0.01;
        var minutes = new List<(int Minute, bool AfterHours)>(64);
        var first = rep.HireDate > historyStart ? rep.HireDate : historyStart;
        var end = options.Today.AddDays(PlannedDays);
        // Planned meetings were put in the calendar a few days before today.
        var todayUtc = options.Today.ToDateTime(TimeOnly.MinValue) - rep.Zone.GetUtcOffset(options.Today.ToDateTime(new TimeOnly(12, 0)));
        for (var day = first; day < end; day = day.AddDays(1))
        {
            if (rep.LeaveDays.Contains(day) || calendar.IsHoliday(day))
            {
                continue;
            }
            var planned = day >= options.Today;
            var workday = calendar.IsWorkday(day);
            minutes.Clear();
            if (planned)
            {
                if (workday)
                {
                    for (var n = random.Next(3); n > 0; n--)
                    {
                        minutes.Add((WorkdayMinute(random), false));
                    }
                }
            }
            else if (workday)
            {
                var ramp = Math.Min(1.0, 0.3 + (0.7 * (day.DayNumber - rep.HireDate.DayNumber) / 90.0));
                var mean = rate * ramp * random.Between(0.75, 1.25) * (day.DayOfWeek == DayOfWeek.Friday ? 0.85 : 1.0);
                for (var n = (int)(mean + random.NextDouble()); n > 0; n--)
                {
                    minutes.Add(random.Chance(afterHoursShare) ? (OffHoursMinute(random), true) : (WorkdayMinute(random), false));
                }
            }
            else if (random.Chance(weekendChance))
            {
                for (var n = rep.AfterHours ? random.Between(8, 20) : random.Between(2, 3); n > 0; n--)
                {
                    minutes.Add((random.Between(10 * 60, (22 * 60) + 30), true));
                }
            }
            if (minutes.Count == 0)
            {
                continue;
            }
            minutes.Sort();
            var midnightUtc = day.ToDateTime(TimeOnly.MinValue) - rep.Zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)));
            foreach (var (minute, offHours) in minutes)
            {
                var activity = Activity(rep, random, day, midnightUtc.AddMinutes(minute), planned, offHours);
                activity.CreatedUtc = planned
                    ? DateTime.SpecifyKind(todayUtc.AddHours(-random.Between(2, 240)), DateTimeKind.Utc)
                    : activity.StartUtc.AddMinutes(activity.DurationMinutes);
                yield return activity;
            }
        }
    }

    private static SalesActivity Activity(DemoRepPlan rep, Random random, DateOnly day, DateTime startUtc, bool planned, bool offHours)
    {
        var type = planned ? PlannedType(random) : offHours ? OffHoursType(random) : WorkType(random);
        var activity = new SalesActivity
        {
            Type = type,
            MemberId = rep.Member.Id,
            StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
            DurationMinutes = Duration(type, random),
            Outcome = planned ? ActivityOutcome.Planned : Outcome(type, random),
        };
        if (activity.Outcome == ActivityOutcome.NoAnswer)
        {
            activity.DurationMinutes = 1;
        }
        var needsAccount = type is ActivityType.Meeting or ActivityType.Visit or ActivityType.Demo;
        if (!needsAccount && rep.LeadIds.Length > 0 && random.Chance(0.12))
        {
            activity.LeadId = rep.LeadIds[random.Next(rep.LeadIds.Length)];
        }
        else if (rep.Deals.Length > 0 && random.Chance(0.55) && PickDeal(rep, random, day) is { } deal)
        {
            activity.DealId = deal.DealId;
            activity.AccountId = deal.AccountId;
        }
        else if (rep.AccountIds.Length > 0 && (needsAccount || random.Chance(0.85)))
        {
            activity.AccountId = rep.AccountIds[random.Next(rep.AccountIds.Length)];
        }
        return activity;
    }

    private static DemoDealWindow? PickDeal(DemoRepPlan rep, Random random, DateOnly day)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var deal = rep.Deals[random.Next(rep.Deals.Length)];
            if (deal.Start <= day && day <= deal.End)
            {
                return deal;
            }
        }
        return null;
    }

    private static int WorkdayMinute(Random random)
    {
        var roll = random.Next(WorkdaySlots[^1]);
        var slot = 0;
        while (WorkdaySlots[slot] <= roll)
        {
            slot++;
        }
        return WorkdayStartMinute + (slot * 30) + random.Next(30);
    }

    // Evenings mostly, some early mornings; always outside 9:00–18:00.
    private static int OffHoursMinute(Random random) => random.Chance(0.8)
        ? random.Between((18 * 60) + 30, (23 * 60) + 15)
        : random.Between(6 * 60 + 30, (8 * 60) + 45);

    private static ActivityType WorkType(Random random) => random.Next(100) switch
    {
        < 33 => ActivityType.Call,
        < 64 => ActivityType.Email,
        < 80 => ActivityType.Message,
        < 88 => ActivityType.Meeting,
        < 92 => ActivityType.Visit,
        < 96 => ActivityType.Demo,
        _ => ActivityType.Other,
    };

    private static ActivityType OffHoursType(Random random) => random.Next(100) switch
    {
        < 50 => ActivityType.Email,
        < 80 => ActivityType.Message,
        < 95 => ActivityType.Call,
        _ => ActivityType.Other,
    };

    private static ActivityType PlannedType(Random random) => random.Next(100) switch
    {
        < 50 => ActivityType.Meeting,
        < 80 => ActivityType.Visit,
        _ => ActivityType.Demo,
    };

    private static int Duration(ActivityType type, Random random) => type switch
    {
        ActivityType.Call => random.Between(3, 30),
        ActivityType.Email => random.Between(5, 15),
        ActivityType.Message => random.Between(2, 5),
        ActivityType.Meeting => 15 * random.Between(2, 6),
        ActivityType.Visit => 30 * random.Between(2, 6),
        ActivityType.Demo => 15 * random.Between(3, 6),
        _ => random.Between(10, 60),
    };

    private static ActivityOutcome Outcome(ActivityType type, Random random) => type switch
    {
        ActivityType.Call when random.Chance(0.22) => ActivityOutcome.NoAnswer,
        ActivityType.Meeting or ActivityType.Visit or ActivityType.Demo when random.Chance(0.04) => ActivityOutcome.Cancelled,
        _ => ActivityOutcome.Completed,
    };

    private static int[] Cumulative(int[] weights)
    {
        var sums = new int[weights.Length];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sums[i] = total += weights[i];
        }
        return sums;
    }
}
