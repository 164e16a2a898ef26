namespace Headroom.Demo;

// How much the demo generator makes. The named sizes are benchmark fixtures: Small is what
// `serve --demo` uses, Medium (~1M activities) and Large (~10M) are for scale runs.
public sealed record DemoScale(int Reps, double ActivitiesPerWorkday, int AccountsPerRep, int LeadsPerRep, int DealsPerRep)
{
    public static DemoScale Small { get; } = new(20, 22.5, 30, 20, 36);
    public static DemoScale Medium { get; } = new(200, 22.5, 30, 20, 36);
    public static DemoScale Large { get; } = new(2_000, 22.5, 30, 20, 36);

    public static DemoScale For(DemoSize size) => size switch
    {
        DemoSize.Small => Small,
        DemoSize.Medium => Medium,
        DemoSize.Large => Large,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}
