using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class SalesInstanceGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameInstance()
    {
        var first = SalesInstanceGenerator.Generate(1_000, 40, seed: 9);
        var second = SalesInstanceGenerator.Generate(1_000, 40, seed: 9);

        Assert.Equal(first.Items, second.Items);
        Assert.Equal(first.Reps.Select(r => r with { SkillLevels = null }), second.Reps.Select(r => r with { SkillLevels = null }));
        Assert.Equal(first.Reps.SelectMany(r => r.SkillLevels!), second.Reps.SelectMany(r => r.SkillLevels!));
    }

    [Fact]
    public void Generate_HasAboutTenEligibleRepsPerItemAndTenPercentSlack()
    {
        var instance = SalesInstanceGenerator.Generate(5_000, 200, seed: 1);

        var eligible = Enumerable.Range(0, 500).Average(i => Enumerable.Range(0, 200).Count(r => instance.IsEligible(i, r)));
        var working = instance.Reps.Where(r => !r.OptedOut && r.AvailableMinutes > 0).ToList();
        var slack = working.Sum(r => (double)r.AvailableMinutes) / (working.Sum(r => (double)r.CurrentLoadMinutes) + instance.Items.Sum(i => (double)i.EffortMinutes));

        Assert.InRange(eligible, 8, 14);
        Assert.InRange(slack, 1.09, 1.11);
        Assert.All(instance.Items, i => Assert.InRange(i.EffortMinutes, 60, 16 * 60));
    }
}
