namespace Headroom.Assignment;

// Why an item went where it did. Rep and RunnerUp are rep indexes; the load figures are the chosen
// rep's minutes before the plan (from the workload index) and after it.
public sealed record AssignmentExplanation(
    int Item,
    int? Rep,
    int? RunnerUp,
    int EligibleReps,
    long LoadBeforeMinutes,
    long LoadAfterMinutes,
    AssignmentDecision DecidedBy,
    UnplacedReason? Unplaced = null);
