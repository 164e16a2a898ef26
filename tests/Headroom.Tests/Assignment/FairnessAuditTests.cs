using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// Hand-computed fixtures. The week of Monday 2026-11-02: two reps with 8 h on each working day.
public class FairnessAuditTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateOnly Sunday = new(2026, 11, 8);

    private static double[] Week(double hours = 8) => [hours, hours, hours, hours, hours, 0, 0];

    private static FairnessEntry Received(long id, int day, RebalanceItemKind kind, long to, double hours, long? from = null, DateOnly? disqualified = null) =>
        new(id, Monday.AddDays(day), kind, id, from, to, hours, disqualified);

    // A gets a 4 h follow-up, a lead, and a lead disqualified two days later (credited back), and
    // gives B a 2 h follow-up. A: inflow 6 - 1 = 5 h of 40 (0.125), net 3; B: 2 h of 40 (0.05).
    private static FairnessInputs TwoReps() => new(Monday, Sunday, FairnessGranularity.Week,
        [new FairnessMember(1, "A", Week()), new FairnessMember(2, "B", Week())],
        [
            Received(10, 0, RebalanceItemKind.FollowUp, to: 1, hours: 4),
            Received(11, 1, RebalanceItemKind.Lead, to: 1, hours: 1),
            Received(12, 1, RebalanceItemKind.Lead, to: 1, hours: 1, disqualified: Monday.AddDays(3)),
            Received(13, 2, RebalanceItemKind.FollowUp, to: 2, hours: 2, from: 1),
        ]);

    [Fact]
    public void Compute_TwoReps_GivesInflowCapacityAndSkew()
    {
        var result = FairnessAudit.Compute(TwoReps());

        Assert.Single(result.Buckets);
        var a = result.Reps.Single(r => r.MemberId == 1).Total;
        var b = result.Reps.Single(r => r.MemberId == 2).Total;
        Assert.Equal((2, 1, 6.0, 1, 1.0, 5.0), (a.Leads, a.FollowUps, a.ReceivedHours, a.CreditedLeads, a.CreditedHours, a.InflowHours));
        Assert.Equal((1, 2.0, 3.0, 40.0), (a.GivenItems, a.GivenHours, a.NetHours, a.CapacityHours));
        Assert.Equal(0.125, a.PerCapacityHour!.Value, 9);
        Assert.Equal((1, 2.0, 0, 2.0), (b.FollowUps, b.ReceivedHours, b.GivenItems, b.NetHours));
        Assert.Equal(0.05, b.PerCapacityHour!.Value, 9);

        // Mean 0.0875, standard deviation 0.0375; Gini (2 × 0.075) / (2 × 2² × 0.0875); 0.125 / 0.05.
        Assert.Equal(2, result.Overall.Reps);
        Assert.Equal(0.0375 / 0.0875, result.Overall.CoefficientOfVariation, 9);
        Assert.Equal(0.15 / 0.7, result.Overall.Gini, 9);
        Assert.Equal(2.5, result.Overall.MaxMinRatio!.Value, 9);
        Assert.Equal(result.Overall, result.Buckets[0].Skew);
        Assert.Equal(5.0 / 7, result.Reps[0].ShareOfInflow, 9);
        Assert.Equal(0.5, result.Reps[0].ShareOfCapacity, 9);
        Assert.Equal(new FairnessVerdict(false, 1, "A", 2, "B"), result.Verdict);
    }

    [Fact]
    public void Compute_InflowInProportionToCapacity_IsFair()
    {
        // B works half time and gets half as much: the same per capacity hour.
        var inputs = new FairnessInputs(Monday, Sunday, FairnessGranularity.Week,
            [new FairnessMember(1, "A", Week()), new FairnessMember(2, "B", Week(4))],
            [Received(10, 0, RebalanceItemKind.FollowUp, 1, 4), Received(11, 0, RebalanceItemKind.FollowUp, 2, 2)]);

        var result = FairnessAudit.Compute(inputs);

        Assert.Equal(0, result.Overall.CoefficientOfVariation, 9);
        Assert.Equal(0, result.Overall.Gini, 9);
        Assert.Equal(1, result.Overall.MaxMinRatio!.Value, 9);
        Assert.True(result.Verdict.Fair);
    }

    [Theory]
    [InlineData(14, 1)]
    [InlineData(15, 0)]
    public void Compute_LeadDisqualified_IsCreditedBackWithinTheWindowOnly(int daysLater, int credited)
    {
        var inputs = new FairnessInputs(Monday, Monday.AddDays(27), FairnessGranularity.Week,
            [new FairnessMember(1, "A", [.. Week(), .. Week(), .. Week(), .. Week()])],
            [Received(10, 0, RebalanceItemKind.Lead, 1, 1, disqualified: Monday.AddDays(daysLater))]);

        var total = FairnessAudit.Compute(inputs).Reps[0].Total;

        Assert.Equal((1, credited, 1.0 - credited), (total.Leads, total.CreditedLeads, total.InflowHours));
    }

    [Fact]
    public void Compute_RepWithoutCapacity_IsShownButLeftOutOfTheSkew()
    {
        var inputs = TwoReps() with
        {
            Members = [.. TwoReps().Members, new FairnessMember(3, "on leave", Week(0))],
            Entries = [.. TwoReps().Entries, Received(20, 3, RebalanceItemKind.Lead, 3, 1)],
        };

        var result = FairnessAudit.Compute(inputs);

        var onLeave = result.Reps.Single(r => r.MemberId == 3).Total;
        Assert.Equal((1, 0.0), (onLeave.Leads, onLeave.CapacityHours));
        Assert.Null(onLeave.PerCapacityHour);
        Assert.Equal(2, result.Overall.Reps);
        Assert.Equal(0.0375 / 0.0875, result.Overall.CoefficientOfVariation, 9);
    }

    [Fact]
    public void Compute_NobodyWithCapacity_HasNoSkewAndIsFair()
    {
        var inputs = new FairnessInputs(Monday, Sunday, FairnessGranularity.Week, [new FairnessMember(1, "A", Week(0))], []);

        var result = FairnessAudit.Compute(inputs);

        Assert.Equal(new FairnessSkew(0, 0, 0, 0, null), result.Overall);
        Assert.True(result.Verdict.Fair);
    }

    [Fact]
    public void Compute_MemberJoinedOrLeftMidPeriod_HasCapacityOnlyWhileActive()
    {
        var inputs = new FairnessInputs(Monday, Sunday, FairnessGranularity.Week,
        [
            new FairnessMember(1, "joined Wednesday", Week(), ActiveFrom: Monday.AddDays(2)),
            new FairnessMember(2, "left Tuesday", Week(), ActiveUntil: Monday.AddDays(1)),
        ], []);

        var result = FairnessAudit.Compute(inputs);

        Assert.Equal(24, result.Reps[0].Total.CapacityHours);
        Assert.Equal(16, result.Reps[1].Total.CapacityHours);
        Assert.Equal(0.6, result.Reps[0].ShareOfCapacity, 9);
    }

    [Fact]
    public void Compute_ZeroOnOneSide_HasNoMaxMinRatio()
    {
        var inputs = new FairnessInputs(Monday, Sunday, FairnessGranularity.Week,
            [new FairnessMember(1, "A", Week()), new FairnessMember(2, "B", Week())],
            [Received(10, 0, RebalanceItemKind.FollowUp, 1, 4)]);

        var result = FairnessAudit.Compute(inputs);

        // Values 0.1 and 0: CV 1, Gini 0.5.
        Assert.Null(result.Overall.MaxMinRatio);
        Assert.Equal(1, result.Overall.CoefficientOfVariation, 9);
        Assert.Equal(0.5, result.Overall.Gini, 9);
        Assert.Equal((1L, 2L), (result.Verdict.TowardMemberId!.Value, result.Verdict.AwayFromMemberId!.Value));
    }

    [Fact]
    public void Buckets_AreMondayWeeksAndCalendarMonths_CutToThePeriod()
    {
        var weeks = FairnessAudit.Buckets(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 17), FairnessGranularity.Week);
        Assert.Equal(
            [(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 8)), (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), (new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17))],
            weeks);
        var months = FairnessAudit.Buckets(new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 3), FairnessGranularity.Month);
        Assert.Equal(
            [(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 31)), (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3))],
            months);
    }

    [Fact]
    public void Compute_SplitsEntriesIntoTheirBuckets()
    {
        var inputs = new FairnessInputs(Monday, Monday.AddDays(13), FairnessGranularity.Week,
            [new FairnessMember(1, "A", [.. Week(), .. Week()])],
            [Received(10, 0, RebalanceItemKind.Account, 1, 3), Received(11, 8, RebalanceItemKind.Deal, 1, 2), Received(12, 9, RebalanceItemKind.Deal, 1, 2)]);

        var cells = FairnessAudit.Compute(inputs).Reps[0].Cells;

        Assert.Equal((1, 0, 3.0), (cells[0].Accounts, cells[0].Deals, cells[0].ReceivedHours));
        Assert.Equal((0, 2, 4.0), (cells[1].Accounts, cells[1].Deals, cells[1].ReceivedHours));
    }
}
