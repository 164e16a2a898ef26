using System.Diagnostics;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The queue's encoding of reps and leads for the engine, and the online router, without a database.
public class QueueInstanceTests
{
    private static QueueRep Rep(long id, string[] territories, string[] languages, Dictionary<string, int>? skills = null,
        double capacity = 64, double load = 0, int open = 0, bool onLeave = false, int? weight = null) =>
        new(id, $"rep {id}", capacity, load, open, onLeave, weight, territories, languages, skills ?? []);

    private static QueueLead Lead(long id, string? region = null, string? language = null, string? skill = null, int? level = null) =>
        new(id, $"lead {id}", null, null, region, language, skill, level, 0);

    private static AssignmentQueue Queue(AssignmentStrategy strategy = AssignmentStrategy.LeastLoaded, bool region = true) =>
        new() { Name = "q", Strategy = strategy, MatchRegion = region, EffortHoursPerLead = 1 };

    [Fact]
    public void HardConstraints_SkillLevelLanguageAndRegion_AreEachEnforced_AndEachCanBeTurnedOff()
    {
        QueueRep[] reps =
        [
            Rep(1, ["上海", "苏州"], ["zh-CN"], new() { ["Negotiation"] = 2 }),
            Rep(2, ["杭州"], ["zh", "EN"], new() { ["negotiation"] = 4 }),
        ];
        QueueLead[] leads =
        [
            Lead(10, region: "苏州"), Lead(11, language: "en"), Lead(12, skill: "Negotiation", level: 3),
            Lead(13, region: "杭州", skill: "Negotiation", level: 3), Lead(14, region: "苏州", skill: "Negotiation", level: 3),
            Lead(15, language: "ja"), Lead(16, skill: "Tenders"), Lead(17, language: "zh"),
        ];
        var queue = new QueueInstance(Queue(), reps, leads);
        long[] Qualified(int lead) => [.. queue.Qualified(leads[lead]).Select(r => reps[r].MemberId)];

        Assert.Equal([1L], Qualified(0));
        Assert.Equal([2L], Qualified(1));
        Assert.Equal([2L], Qualified(2));
        Assert.Equal([2L], Qualified(3));
        Assert.Empty(Qualified(4));
        Assert.Empty(Qualified(5));
        Assert.Empty(Qualified(6));
        Assert.Equal([1L, 2L], Qualified(7));

        var loose = new QueueInstance(Queue(region: false), reps, leads);
        var open = new AssignmentQueue { Name = "open", MatchSkill = false, MatchLanguage = false, MatchRegion = false };
        var any = new QueueInstance(open, reps, leads);
        Assert.Equal([1], loose.Qualified(leads[4]));
        Assert.All(leads, l => Assert.Equal([0, 1], any.Qualified(l)));

        // Every plan the strategies make keeps to the requirements.
        foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
        {
            var plan = StrategyAssigner.Assign(queue.Instance, strategy, null, queue.Weights);
            for (var i = 0; i < leads.Length; i++)
            {
                var rep = plan.RepOfItem[i];
                Assert.True(rep < 0 ? !queue.Qualified(leads[i]).Any() : queue.Qualified(leads[i]).Contains(rep), $"{strategy} lead {leads[i].Id}");
            }
            Assert.Equal(0, plan.Metrics.Violations);
        }
    }

    [Fact]
    public void Limits_TargetUtilizationAndOpenLeads_CapTheRep_LeaveAndWeightZeroLeaveThemOut()
    {
        var queue = Queue();
        queue.TargetUtilization = 0.5;
        queue.MaxOpenLeadsPerRep = 10;
        QueueRep[] reps =
        [
            Rep(1, [], ["zh"], capacity: 10, load: 2),          // 3 leads of 1 h under 50 %
            Rep(2, [], ["zh"], capacity: 100, load: 0, open: 8), // 2 more open leads allowed
            Rep(3, [], ["zh"], onLeave: true),
            Rep(4, [], ["zh"], weight: 0),
            Rep(5, [], ["zh"], capacity: 0),
            Rep(6, [], ["zh"], capacity: 10, load: 6),          // already above 50 %
        ];
        var instance = new QueueInstance(queue, reps, [.. Enumerable.Range(1, 8).Select(i => Lead(i))]);
        Assert.Equal([QueueRepStatus.Takes, QueueRepStatus.Takes, QueueRepStatus.OnLeaveToday, QueueRepStatus.LeftOut, QueueRepStatus.NoCapacity, QueueRepStatus.Full],
            instance.Statuses);
        Assert.Equal([3, 2, 0, 0, 0, 0], instance.Instance.Reps.Select(r => r.MaxItems));
        var plan = StrategyAssigner.Assign(instance.Instance, AssignmentStrategy.LeastLoaded);
        Assert.Equal(5, plan.RepOfItem.Count(r => r >= 0));
        Assert.Equal(3, plan.RepOfItem.Count(r => r == 0));
        Assert.All(plan.Explanations.Where(e => e.Rep is null), e => Assert.Equal(UnplacedReason.EligibleRepsFull, e.Unplaced));
        // The full rep still meets the requirements, which is what makes the preview say "full".
        Assert.Contains(5, instance.Qualified(Lead(99)));
    }

    [Fact]
    public void Balanced_TheSameInstanceAndSeed_GiveTheSamePlan()
    {
        var random = new Random(7);
        var reps = Enumerable.Range(1, 30).Select(i => Rep(i, [$"t{i % 4}"], i % 3 == 0 ? ["zh", "en"] : ["zh"],
            new() { ["s"] = 1 + (i % 5) }, capacity: 40 + random.Next(40), load: random.Next(60))).ToList();
        var leads = Enumerable.Range(1, 300).Select(i => Lead(i, region: $"t{i % 4}", language: i % 7 == 0 ? "en" : "zh", skill: i % 5 == 0 ? "s" : null, level: 1 + (i % 4))).ToList();
        var queue = Queue(AssignmentStrategy.Balanced);
        var first = StrategyAssigner.Assign(new QueueInstance(queue, reps, leads).Instance, AssignmentStrategy.Balanced, new AssignmentOptimizerOptions { Seed = 3 });
        var second = StrategyAssigner.Assign(new QueueInstance(queue, reps, leads).Instance, AssignmentStrategy.Balanced, new AssignmentOptimizerOptions { Seed = 3 });
        Assert.Equal(first.RepOfItem, second.RepOfItem);
        Assert.Equal(first.Explanations.Select(e => (e.Rep, e.RunnerUp, e.DecidedBy)), second.Explanations.Select(e => (e.Rep, e.RunnerUp, e.DecidedBy)));
    }

    [Fact]
    public void Router_RoundRobin_GoesOnFromTheLastRep_WeightedFollowsWeights_LeastLoadedFillsTheEmptiest()
    {
        QueueRep[] reps = [Rep(1, [], ["zh"], weight: 1), Rep(2, [], ["zh"], weight: 3), Rep(3, [], ["zh", "en"], weight: 1)];
        var rr = new QueueRouter(new QueueInstance(Queue(), reps, []), AssignmentStrategy.RoundRobin, lastRep: 0);
        Assert.Equal([1, 2, 0, 1], Enumerable.Range(0, 4).Select(i => rr.Route(Lead(i)).Rep!.Value));
        Assert.Equal(2, rr.Route(Lead(9, language: "en")).Rep);
        Assert.Equal(AssignmentDecision.OnlyEligibleRep, rr.Route(Lead(10, language: "en")).DecidedBy);

        var weighted = new QueueRouter(new QueueInstance(Queue(), reps, []), AssignmentStrategy.WeightedRoundRobin);
        var counts = new int[3];
        for (var i = 0; i < 50; i++)
        {
            counts[weighted.Route(Lead(i)).Rep!.Value]++;
        }
        Assert.Equal([10, 30, 10], counts);

        QueueRep[] loaded = [Rep(1, [], ["zh"], load: 10), Rep(2, [], ["zh"], load: 0)];
        var least = new QueueRouter(new QueueInstance(Queue(), loaded, []), AssignmentStrategy.LeastLoaded);
        var first = least.Route(Lead(1));
        Assert.Equal((1, 0L, 60L), (first.Rep!.Value, first.LoadBeforeMinutes, first.LoadAfterMinutes));
        Assert.Null(least.Route(Lead(2, language: "fr")).Rep);
    }

    [Fact]
    public void Balanced_GivesALeadToItsCompanysAccountOwner_WhenTheBalanceAllows_OtherStrategiesIgnoreIt()
    {
        // Three equal reps, six leads: two each keeps the loads even whoever gets which, so the
        // preference decides. Rep 3 owns "Acme"; "Beta" is owned by someone outside the team.
        QueueRep[] reps = [Rep(1, [], ["zh"]), Rep(2, [], ["zh"]), Rep(3, [], ["zh"])];
        QueueLead[] leads =
        [
            Lead(1), Lead(2) with { Company = " ACME " }, Lead(3), Lead(4) with { Company = "acme" }, Lead(5) with { Company = "Beta" }, Lead(6),
        ];
        var owners = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["Acme"] = 3, ["Beta"] = 99 };
        var instance = new QueueInstance(Queue(AssignmentStrategy.Balanced), reps, leads, owners);
        Assert.Equal([null, 2, null, 2, null, null], leads.Select(instance.AccountOwnerOf));
        var plan = StrategyAssigner.Assign(instance.Instance, AssignmentStrategy.Balanced, new AssignmentOptimizerOptions { Seed = 1 });
        Assert.Equal((2, 2), (plan.RepOfItem[1], plan.RepOfItem[3]));
        Assert.Equal([2, 2, 2], Enumerable.Range(0, 3).Select(r => plan.RepOfItem.Count(x => x == r)));
        Assert.Equal(0, plan.Metrics.TotalCost);
        Assert.Equal(AssignmentDecision.AccountOwner, instance.DecisionFor(leads[1], plan.Explanations[1]));
        Assert.NotEqual(AssignmentDecision.AccountOwner, instance.DecisionFor(leads[0], plan.Explanations[0]));

        // When the owner is already the most loaded, the balance comes first and the preference waits.
        QueueRep[] busy = [Rep(1, [], ["zh"]), Rep(2, [], ["zh"]), Rep(3, [], ["zh"], load: 40)];
        var crowded = new QueueInstance(Queue(AssignmentStrategy.Balanced), busy, leads, owners);
        var balanced = StrategyAssigner.Assign(crowded.Instance, AssignmentStrategy.Balanced, new AssignmentOptimizerOptions { Seed = 1 });
        Assert.DoesNotContain(2, balanced.RepOfItem);
        Assert.Equal(2 * 30, balanced.Metrics.TotalCost);

        // Online, the balanced router does the same among the reps a lead keeps under the highest
        // utilization (without the preference it goes to the first of the two equal ones); least
        // loaded and round robin carry no preference.
        QueueRep[] uneven = [Rep(1, [], ["zh"], load: 20), Rep(2, [], ["zh"]), Rep(3, [], ["zh"])];
        var router = new QueueRouter(new QueueInstance(Queue(AssignmentStrategy.Balanced), uneven, [], owners), AssignmentStrategy.Balanced);
        var routed = router.Route(Lead(7) with { Company = "Acme" });
        Assert.Equal((2, AssignmentDecision.AccountOwner), (routed.Rep, routed.DecidedBy));
        var unknown = new QueueRouter(new QueueInstance(Queue(AssignmentStrategy.Balanced), uneven, [], owners), AssignmentStrategy.Balanced);
        Assert.Equal((1, AssignmentDecision.Balance), (unknown.Route(Lead(8) with { Company = "Gamma" }).Rep, unknown.Route(Lead(9)).DecidedBy));
        foreach (var strategy in new[] { AssignmentStrategy.LeastLoaded, AssignmentStrategy.RoundRobin, AssignmentStrategy.WeightedRoundRobin })
        {
            var plain = new QueueInstance(Queue(strategy), reps, leads, owners);
            Assert.All(leads, l => Assert.Null(plain.AccountOwnerOf(l)));
            Assert.Equal(0, plain.Instance.Items.Count(i => i.PreferredRep is not null));
        }
    }

    [Fact]
    public void Router_RoutesOneLeadInMicroseconds_ForATeamOf500()
    {
        var reps = Enumerable.Range(1, 500).Select(i => Rep(i, [$"t{i % 20}"], ["zh"], new() { ["s"] = 1 + (i % 5) }, load: i % 50)).ToList();
        var router = new QueueRouter(new QueueInstance(Queue(), reps, []), AssignmentStrategy.LeastLoaded);
        router.Route(Lead(0));
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 1000; i++)
        {
            Assert.NotNull(router.Route(Lead(i, region: $"t{i % 20}", skill: "s", level: 1)).Rep);
        }
        // Generous for a shared machine: the router itself takes microseconds a lead.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds} ms for 1,000 leads");
    }
}
