namespace Headroom.Demo;

// Seeded randomness for the demo. Every phase and every rep draws from its own stream, derived
// from the seed with SplitMix64 (not HashCode, which is randomized per process), so adding rows
// to one phase does not shift the numbers of another.
internal static class DemoRandom
{
    public static Random Stream(int seed, DemoStream stream, int index = 0)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + ((ulong)stream << 32) + (ulong)(uint)index);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return new Random(unchecked((int)x));
    }

    public static int Seed(int seed, DemoStream stream, int index = 0) => Stream(seed, stream, index).Next();

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += item.Weight;
        }
        var roll = random.Next(total);
        foreach (var item in items)
        {
            roll -= item.Weight;
            if (roll < 0)
            {
                return item.Item;
            }
        }
        return items[^1].Item;
    }

    public static int Between(this Random random, int min, int maxInclusive) => random.Next(min, maxInclusive + 1);

    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}

internal enum DemoStream
{
    People = 1,
    Names,
    Accounts,
    Leads,
    Deals,
    FollowUps,
    Leave,
    Feedback,
    Activities,
    StageHistory,
}
