using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The candidate graph is built in chunks on several threads and laid out in item order, so it
// must not depend on the number of workers.
public sealed class CandidateGraphTests
{
    [Fact]
    public void Build_TwoWorkers_SameGraphAsOne()
    {
        var instance = SalesInstanceGenerator.Generate(10_000, 100, 3);

        var one = CandidateGraph.Build(instance, 1);
        var two = CandidateGraph.Build(instance, 2);

        Assert.Equal(one.Start, two.Start);
        Assert.Equal(one.Rep, two.Rep);
        Assert.Equal(one.Effort, two.Effort);
        Assert.Equal(one.Cost, two.Cost);
        Assert.True(one.Rep.Length > 50_000);
        for (var i = 0; i < one.Items; i++)
        {
            for (var k = one.Start[i]; k < one.Start[i + 1]; k++)
            {
                Assert.True(instance.IsEligible(instance.Items[i], one.Rep[k]));
            }
        }
    }
}
