using Headroom.Workload;

namespace Headroom.Wellbeing;

// Everything BurnoutRiskScorer needs, as plain records: WellbeingQuery builds it from the
// database, tests build it by hand. Dates are local dates of the member's time zone.
public sealed record WellbeingInputs
{
    public required WorkingTimePolicy Policy { get; init; }
    // The organization's working hours on a working day, in the member's own zone.
    public TimeOnly WorkdayStart { get; init; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; init; } = new(18, 0);
    public IReadOnlyList<CalendarException> Calendar { get; init; } = [];
    public required IReadOnlyList<MemberInput> Members { get; init; }
    public IReadOnlyList<LeaveInput> Leave { get; init; } = [];
    // Logged minutes per member, local date and local hour of the day the activity started.
    public IReadOnlyList<ActivityHour> Activity { get; init; } = [];
    // Left empty when the reader may not see individual answers (a manager; ADR 0019).
    public IReadOnlyList<PulseInput> Pulse { get; init; } = [];
}

public sealed record ActivityHour(long MemberId, DateOnly Date, int Hour, int Minutes);

public sealed record PulseInput(long MemberId, DateOnly WeekStart, int Energy, int Stress);
