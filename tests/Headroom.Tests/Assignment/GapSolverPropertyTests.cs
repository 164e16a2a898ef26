using CsCheck;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// Random small instances, checked against brute force. CsCheck prints the seed of a failing case;
// set the CsCheck_Seed environment variable to that value to replay it.
public sealed class GapSolverPropertyTests
{
    private static readonly Gen<GapInstance> InstanceGen = Instances(minWeight: 1, maxJobs: 6);

    // Instances small enough for brute force (up to 3^maxJobs assignments).
    internal static Gen<GapInstance> Instances(int minWeight, int maxJobs) =>
        from m in Gen.Int[1, 3]
        from n in Gen.Int[1, maxJobs]
        from cost in Gen.Int[0, 30].Array[n].Array[m]
        from weight in Gen.Int[minWeight, 10].Array[n].Array[m]
        from capacity in Gen.Long[0, 25].Array[m]
        select new GapInstance("random", m, n, cost, weight, capacity);

    [Fact]
    public void Solve_RandomInstances_AgreesWithBruteForce()
    {
        InstanceGen.Sample(instance =>
        {
            var result = GapSolver.Solve(instance, new GapSolverOptions { TimeLimit = TimeSpan.FromSeconds(20), Seed = 3, Workers = 1 });
            var optimum = BruteForce(instance);

            if (result.Feasible)
            {
                Assert.Equal(instance.Jobs, result.AgentOfJob.Length);
                Assert.All(result.AgentOfJob, agent => Assert.InRange(agent, 0, instance.Agents - 1));
                Assert.True(instance.IsFeasible(result.AgentOfJob), "capacities respected");
                Assert.Equal(instance.CostOf(result.AgentOfJob), result.Cost);
                Assert.True(result.LowerBound <= result.Cost);
            }
            Assert.Equal(optimum is null, result.Status == GapStatus.Infeasible);
            if (result.Status == GapStatus.Optimal)
            {
                Assert.Equal(optimum, result.Cost);
            }
        }, iter: 60);
    }

    internal static long? BruteForce(GapInstance instance)
    {
        long? best = null;
        var assignment = new int[instance.Jobs];
        var total = (int)Math.Pow(instance.Agents, instance.Jobs);
        for (var code = 0; code < total; code++)
        {
            var rest = code;
            for (var j = 0; j < instance.Jobs; j++)
            {
                assignment[j] = rest % instance.Agents;
                rest /= instance.Agents;
            }
            if (instance.IsFeasible(assignment))
            {
                var cost = instance.CostOf(assignment);
                best = best is null ? cost : Math.Min(best.Value, cost);
            }
        }
        return best;
    }
}
