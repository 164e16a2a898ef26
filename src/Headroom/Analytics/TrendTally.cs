namespace Headroom.Analytics;

// What one member (or a group) did in one bucket, before it becomes a figure: Count is deals won,
// deals created, activities, accounts or answers; Sum their amount or score; Lost the deals lost;
// Days the summed sales cycle of the won deals; Promoters and Detractors the NPS answers 9–10 and 0–6.
public sealed class TrendTally
{
    public static readonly TrendTally Empty = new();

    public int Count { get; set; }
    public long Sum { get; set; }
    public int Lost { get; set; }
    public decimal Days { get; set; }
    public int Promoters { get; set; }
    public int Detractors { get; set; }

    public void Add(TrendTally other)
    {
        Count += other.Count;
        Sum += other.Sum;
        Lost += other.Lost;
        Days += other.Days;
        Promoters += other.Promoters;
        Detractors += other.Detractors;
    }
}
