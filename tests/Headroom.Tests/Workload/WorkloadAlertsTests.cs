using Headroom.Workload;

namespace Headroom.Tests.Workload;

public sealed class WorkloadAlertsTests
{
    private static readonly DateOnly LastWeek = new(2026, 3, 2);
    private static readonly DateOnly ThisWeek = LastWeek.AddDays(7);

    // One member with the given utilization for last, this and next week (null: no capacity).
    private static MemberWorkload Member(long id, long? team, params double?[] utilization) => new(
        id, $"M{id}", team,
        [.. utilization.Select((u, i) => new PeriodWorkload(
            LastWeek.AddDays(7 * i), LastWeek.AddDays(7 * i + 6), u is null ? 0 : 40, LoadParts.Zero, 0, u, null,
            BandThresholds.Default.Classify(u), null))]);

    private static IReadOnlyList<WorkloadAlert> Find(params MemberWorkload[] members) =>
        WorkloadAlerts.Find(new WorkloadResult(members, []), ThisWeek);

    [Fact]
    public void OverloadedTwoWeeksRunning_IsAnAlert_OneWeekIsNot()
    {
        var alerts = Find(Member(1, 1, 1.2, 1.3, 0.9), Member(2, 1, 1.5, 0.9, 1.6), Member(3, 1, 0.9, 1.16, 1.2));

        Assert.Equal([1L, 3L], alerts.Where(a => a.Kind == WorkloadAlertKind.OverloadedWeeks).Select(a => a.MemberId).Order());
        var first = alerts.Single(a => a.MemberId == 1);
        Assert.Equal((LastWeek, ThisWeek.AddDays(6)), (first.From, first.To));
        Assert.Equal(1.3, first.Utilization, 1e-12);
        var ahead = alerts.Single(a => a.MemberId == 3);
        Assert.Equal((ThisWeek, ThisWeek.AddDays(13)), (ahead.From, ahead.To));
    }

    [Fact]
    public void OverloadedThreeWeeks_IsOneAlertSpanningThem_MostLoadedFirst()
    {
        var alerts = Find(Member(1, 1, 1.2, 1.2, 1.2), Member(2, 1, 1.4, 1.5, 0.5));

        Assert.Equal([2L, 1L], alerts.Where(a => a.Kind == WorkloadAlertKind.OverloadedWeeks).Select(a => a.MemberId));
        var three = alerts.Single(a => a.MemberId == 1 && a.Kind == WorkloadAlertKind.OverloadedWeeks);
        Assert.Equal((LastWeek, ThisWeek.AddDays(13)), (three.From, three.To));
    }

    [Fact]
    public void AWeekWithoutCapacity_BreaksTheRun()
    {
        Assert.Empty(Find(Member(1, 1, 1.3, null, 1.3)));
    }

    [Fact]
    public void Underloaded_IsAnAlertOnlyWhileATeammateIsOverloadedThisWeek()
    {
        var alerts = Find(
            Member(1, 1, 0.5, 1.3, 0.5),
            Member(2, 1, 0.5, 0.4, 0.5),
            Member(3, 1, 0.5, 0.69, 0.5),
            Member(4, 2, 0.5, 0.3, 0.5),
            Member(5, 1, 0.5, 1.5, 0.5),
            Member(6, 1, 0.5, null, 0.5));

        var room = alerts.Where(a => a.Kind == WorkloadAlertKind.UnderloadedWhileOthersOverloaded).ToList();
        // Member 4's team has nobody overloaded; member 6 has no capacity this week.
        Assert.Equal([2L, 3L], room.Select(a => a.MemberId));
        Assert.Equal([5L, 1L], room[0].Overloaded.Select(o => o.MemberId));
        Assert.Equal((ThisWeek, ThisWeek.AddDays(6)), (room[0].From, room[0].To));
        Assert.Equal(0.4, room[0].Utilization, 1e-12);
    }

    [Fact]
    public void Underloaded_OnlyMembersWhoTakeWork_AreNamed()
    {
        var alerts = WorkloadAlerts.Find(new WorkloadResult([Member(1, 1, 1.3, 1.3, 1.3), Member(2, 1, 0.2, 0.2, 0.2), Member(3, 1, 0.3, 0.3, 0.3)], []), ThisWeek, new HashSet<long> { 1, 3 });

        Assert.Equal([3L], alerts.Where(a => a.Kind == WorkloadAlertKind.UnderloadedWhileOthersOverloaded).Select(a => a.MemberId));
    }

    [Fact]
    public void Underloaded_LastWeekOnly_IsNotAnAlert()
    {
        Assert.Empty(Find(Member(1, 1, 1.3, 1.0, 0.9), Member(2, 1, 0.3, 0.8, 0.9)));
    }
}
