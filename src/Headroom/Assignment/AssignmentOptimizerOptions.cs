namespace Headroom.Assignment;

public sealed record AssignmentOptimizerOptions
{
    public int Seed { get; init; } = 1;

    // Threads for the bound computations (each pass splits the items into fixed chunks, so the
    // figures do not depend on this).
    public int Workers { get; init; } = 2;

    // The cost stage may raise the maximum utilization by this much (absolute, 0.001 = 0.1 point),
    // or up to the utilization bound × (1 + UtilizationTargetGap) when that is higher: the issue's
    // target is a maximum within 0.5 % of the LP bound, and the engine's bound is at or below the
    // LP, so a cap under 1.0045 × the bound keeps the target whenever the balance stage did.
    public double UtilizationTolerance { get; init; } = 0.001;

    public double UtilizationTargetGap { get; init; }

    public int BalancePasses { get; init; } = 30;

    // Passes of cheaper moves, pairs and ejection chains. From the priced repair's start, passes
    // after the second changed no plan on eight instances (100k × 1k, 10k × 100, 2k × 50) and cost
    // about 0.06 s at 100k × 1k (session 9; four before).
    public int CostPasses { get; init; } = 2;

    // Longest ejection chain of the cost stage (items moved after the first), and how many reps one
    // chain search may enter.
    public int CostChainDepth { get; init; } = 4;

    public int CostChainExpansions { get; init; } = 256;

    // The same for the chains that take a rounded start's excess off reps above their limits. Deeper
    // than the cost chains: at the cap most reps are full and the room is a few steps away. Depth 8
    // (2048 reps) instead of 4 (256) cut the cost above the bound from 2.9 % to 2.2 % at 100k × 1k
    // seed 1 and from 6.9 % to 3.0 % at 10k × 100 seed 1; 6, 10, 12 and 16 were worse (ADR 0024).
    // 512 reps per search gave the same plans as 2048-16384 on eight instances, in less time.
    public int RepairChainDepth { get; init; } = 8;

    public int RepairChainExpansions { get; init; } = 512;

    // A repair chain started from the transportation step's flow costs what it adds plus this
    // weight × the minutes it moves onto each rep (less those it takes off) at the cost bound's
    // prices: room the LP needs is dear even where it is free today. With the flow's own duals,
    // 0.5 cut the cost above the bound from 2.2 % to 1.3 % at 100k × 1k seed 1 (0.25, 0.75 and 1:
    // 1.4-1.6 %); the bound's prices, after the ascent, did as well there, better at 10k × 100
    // seed 1 (4.2 % → 2.4 % above the LP) and a little worse at seed 3 (1.0 % → 1.2 %) (ADR 0024).
    public double RepairPriceWeight { get; init; } = 0.5;

    // A second repair of the same flow at this price weight (and its local search) runs on the
    // other core, which is idle then (with one worker, before the first), and the cheaper plan is
    // kept (the first on a tie); null turns it off. Which weight repairs best varies by instance: as the second,
    // 0.25 was better than the flow's duals, no prices, weight 1 and another seed on the eight
    // instances measured (ADR 0024, session 10).
    public double? SecondRepairPriceWeight { get; init; } = 0.25;

    public int BoundIterations { get; init; } = 150;

    // Sweeps of coordinate ascent on the cost bound's prices (each rep's price set to its best with
    // the others fixed) before the subgradient steps; 0: none. At 100k × 1k two sweeps raise the
    // bound 1.4 % (seed 1) and 0.5 % (seed 2) for about 0.15 s; more sweeps add under 0.01 %.
    public int CostAscentSweeps { get; init; } = 2;

    // The cost stage's fresh start: a transportation (min-cost flow) step, rounded and repaired,
    // instead of every item on its cheapest candidate (false). Its duals also seed the cost bound's
    // prices. Cheaper on every instance measured, for about 0.3 s at 100k × 1k (ADR 0024).
    public bool CostFlow { get; init; } = true;

    // The cost stage lifts no rep above this utilization (unless the balanced plan's mean or the
    // rep's own balanced utilization is higher), besides the maximum: a cheaper plan does not
    // make anyone overloaded (ADR 0024). PositiveInfinity turns it off.
    public double CostStageCeiling { get; init; } = 1.0;

    // Plans of at most this many candidate pairs (placed items × their eligible reps) end with the
    // cost stage solved exactly by CP-SAT (CostExact), for at most CostExactSeconds of its
    // deterministic time (about a second of one core); 0 turns it off.
    public int CostExactPairs { get; init; } = 12_000;

    public double CostExactSeconds { get; init; } = 1.0;

    // A safety net, not a tuning knob: the stages are bounded by passes so a plan depends only on
    // the instance and the seed; only a run that hits this limit depends on the machine.
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);
}
