using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class GapElitePoolTests
{
    [Fact]
    public void Offer_KeepsTheCheapestDistinctSolutionsUpToCapacity()
    {
        var pool = new GapElitePool(2);

        pool.Offer([0, 1, 2], 30);
        pool.Offer([0, 1, 2], 30);
        pool.Offer([1, 1, 2], 20);
        pool.Offer([2, 1, 2], 40);

        Assert.Equal(2, pool.Count);
        // The incumbent [1, 1, 2] has only [0, 1, 2] (cost 30) to relink towards; 40 was never kept.
        var start = pool.Between([1, 1, 2], new Random(1), towardsGuide: 1)!;
        Assert.Equal([0, 1, 2], start);
    }

    [Fact]
    public void Between_KeepsEveryJobWhereIncumbentAndGuideAgree()
    {
        var pool = new GapElitePool(4);
        int[] incumbent = [0, 0, 1, 1, 2, 2];
        int[] guide = [0, 2, 1, 0, 2, 1];
        pool.Offer(incumbent, 10);
        pool.Offer(guide, 12);

        for (var seed = 0; seed < 20; seed++)
        {
            var start = pool.Between(incumbent, new Random(seed))!;
            for (var j = 0; j < incumbent.Length; j++)
            {
                Assert.True(start[j] == incumbent[j] || start[j] == guide[j]);
                if (incumbent[j] == guide[j])
                {
                    Assert.Equal(incumbent[j], start[j]);
                }
            }
        }
    }

    [Fact]
    public void Between_NoOtherMember_IsNull()
    {
        var pool = new GapElitePool(4);
        pool.Offer([0, 1], 5);

        Assert.Null(pool.Between([0, 1], new Random(1)));
    }
}
