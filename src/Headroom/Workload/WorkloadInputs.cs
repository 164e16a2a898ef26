using Headroom.Accounts;
using Headroom.FollowUps;
using Headroom.Organizations;

namespace Headroom.Workload;

// Everything WorkloadScorer needs, as plain records: WorkloadQuery builds it from the database,
// tests build it by hand. Times are UTC; dates are local dates of the member's time zone.
public sealed record WorkloadInputs
{
    public required WorkingTimePolicy Policy { get; init; }
    public EffortModel Effort { get; init; } = EffortModel.Default;
    public IReadOnlyList<CalendarException> Calendar { get; init; } = [];
    public required IReadOnlyList<MemberInput> Members { get; init; }
    public IReadOnlyList<LeaveInput> Leave { get; init; } = [];
    public IReadOnlyList<FollowUpInput> FollowUps { get; init; } = [];
    public IReadOnlyList<DealInput> Deals { get; init; } = [];
    public IReadOnlyList<AccountInput> Accounts { get; init; } = [];
    // Logged and scheduled activity, summed per member and local day.
    public IReadOnlyList<ActivityDay> Activity { get; init; } = [];
}

// The organization's working week: which weekdays are worked and how many paid hours a full day
// has; the zone is the one members without their own work in.
public sealed record WorkingTimePolicy(WorkingDays WorkingDays, double DailyHours, string TimeZoneId)
{
    public double FullTimeWeeklyHours => DailyHours * Enum.GetValues<DayOfWeek>().Count(day => WorkingDays.Includes(day));
}

// A day that differs from the ordinary week: a public holiday, or an extra working day.
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind);

public sealed record MemberInput(long Id, string Name, long? TeamId, double WeeklyHours, string? TimeZoneId = null, DateOnly? HireDate = null);

// Both ends included, like TimeOff.
public sealed record LeaveInput(long MemberId, DateOnly Start, DateOnly End);

public sealed record FollowUpInput(long MemberId, DateTime DueUtc, double EffortHours, FollowUpPriority Priority, FollowUpStatus Status, DateTime? CompletedUtc = null);

// Count: how many alike deals or accounts the row stands for (those created before the scored
// range are read as counts per owner and stage or tier, not one row each).
public sealed record DealInput(long MemberId, long StageId, int WinProbability, DateTime CreatedUtc, int Count = 1);

public sealed record AccountInput(long MemberId, AccountTier Tier, DateTime CreatedUtc, int Count = 1);

// Actual minutes are logged work: activities completed or attempted (no answer). Meetings
// (meetings and demos) and visits are those on the calendar that day, held or still planned,
// cancelled ones left out; they are load, and once held also actual time. Calls to Others count
// the activities of the other types not cancelled (the rollup's per-type counts; the engine does
// not read them): with Visits and Meetings less Demos, every type has its count.
public sealed record ActivityDay(
    long MemberId, DateOnly Date, int ActualMinutes, int MeetingMinutes = 0, int Meetings = 0, int VisitMinutes = 0, int Visits = 0, int Activities = 0,
    int Calls = 0, int Emails = 0, int Demos = 0, int Messages = 0, int Others = 0);
