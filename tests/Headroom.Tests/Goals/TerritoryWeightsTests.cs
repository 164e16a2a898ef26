using Headroom.Goals;

namespace Headroom.Tests.Goals;

public class TerritoryWeightsTests
{
    [Fact]
    public void ASharedTerritory_IsSplitAmongItsReps_AndUncoveredTerritoriesAreNamed()
    {
        var potentials = new Dictionary<string, long> { ["上海"] = 600, ["江苏"] = 300, ["浙江"] = 100, ["安徽"] = 50, ["海南"] = 0 };
        var members = new Dictionary<long, IReadOnlyList<string>>
        {
            [1] = ["上海"],
            [2] = ["上海", "江苏"],
            [3] = ["浙江"],
            [4] = [],
        };
        var result = TerritoryWeights.Weigh(potentials, members);
        Assert.Equal(300, result.Weights[1]);
        Assert.Equal(600, result.Weights[2]);
        Assert.Equal(100, result.Weights[3]);
        Assert.Equal(0, result.Weights[4]);
        // A territory with no potential is not "uncovered": there is nothing to carry.
        Assert.Equal(["安徽"], result.Uncovered);
    }

    [Fact]
    public void Territories_MatchRegardlessOfCaseAndSpaces_AndARepListingOneTwiceCountsOnce()
    {
        var potentials = new Dictionary<string, long> { ["NY"] = 90 };
        var members = new Dictionary<long, IReadOnlyList<string>> { [1] = [" ny", "NY"], [2] = ["Ny "], [3] = ["NJ"] };
        var result = TerritoryWeights.Weigh(potentials, members);
        Assert.Equal([45.0, 45.0, 0.0], new[] { result.Weights[1], result.Weights[2], result.Weights[3] });
        Assert.Empty(result.Uncovered);
    }

    [Fact]
    public void NoPotentials_GiveEveryoneZero_SoTheCascadeFallsBackToEven()
    {
        var result = TerritoryWeights.Weigh(new Dictionary<string, long>(), new Dictionary<long, IReadOnlyList<string>> { [1] = ["NY"], [2] = [] });
        Assert.All(result.Weights.Values, w => Assert.Equal(0, w));
        var split = GoalCascade.Split(100, CascadeMethod.TerritoryPotential, [.. result.Weights.Select(w => new CascadeShare(w.Key, w.Value))]);
        Assert.True(split.FellBackToEven);
        Assert.Equal([50L, 50], split.Parts.Select(p => p.Target));
    }
}
