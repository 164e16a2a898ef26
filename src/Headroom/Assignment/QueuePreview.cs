namespace Headroom.Assignment;

// A dry run of a queue: per lead the rep the strategy chose, the runner-up, how many reps were
// eligible (and which, so a manager can re-route within them), the chosen rep's load before the
// run and after it, and the rule or cost that decided; unplaced leads carry the reason. Waiting
// counts the matching leads beyond this run's limit.
public sealed record QueuePreview(
    long QueueId,
    string QueueName,
    long TeamId,
    string TeamName,
    AssignmentStrategy Strategy,
    RebalanceHorizon Horizon,
    IReadOnlyList<QueuePreviewLine> Lines,
    IReadOnlyList<QueuePreviewRep> Reps,
    int Waiting,
    PlanMetrics Metrics)
{
    // The engine's plan in the preview's terms: lines in lead order, reps in the instance's order.
    public static QueuePreview From(AssignmentQueue queue, string teamName, RebalanceHorizon horizon, QueueInstance instance, AssignmentPlan plan, int waiting)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(plan);
        var reps = instance.Reps;
        var lines = new List<QueuePreviewLine>(instance.Leads.Count);
        for (var i = 0; i < instance.Leads.Count; i++)
        {
            var lead = instance.Leads[i];
            var e = plan.Explanations[i];
            var eligible = instance.Qualified(lead).Select(r => reps[r].MemberId).ToList();
            var unplaced = e.Unplaced;
            // The engine counts a rep at the queue's limit as not taking work; for the reader a rep
            // who meets the requirements but is full makes the reason "full", not "nobody".
            if (unplaced == UnplacedReason.NoEligibleRep && eligible.Count > 0)
            {
                unplaced = UnplacedReason.EligibleRepsFull;
            }
            lines.Add(new QueuePreviewLine(
                lead.Id, lead.Name, lead.Company, lead.Version,
                e.Rep is { } rep ? reps[rep].MemberId : null,
                e.Rep is { } named ? reps[named].Name : null,
                e.RunnerUp is { } second ? reps[second].MemberId : null,
                e.RunnerUp is { } secondNamed ? reps[secondNamed].Name : null,
                e.EligibleReps,
                eligible,
                e.LoadBeforeMinutes / 60.0,
                e.LoadAfterMinutes / 60.0,
                e.Rep is { } r1 ? Utilization(e.LoadBeforeMinutes, reps[r1]) : null,
                e.Rep is { } r2 ? Utilization(e.LoadAfterMinutes, reps[r2]) : null,
                instance.DecisionFor(lead, e),
                unplaced));
        }
        var placed = new int[reps.Count];
        foreach (var rep in plan.RepOfItem.Where(r => r >= 0))
        {
            placed[rep]++;
        }
        var summary = reps.Select((r, i) => new QueuePreviewRep(
            r.MemberId, r.Name, r.CapacityHours, r.LoadHours, plan.LoadMinutes[i] / 60.0, r.OpenLeads, placed[i], instance.Statuses[i])).ToList();
        return new QueuePreview(queue.Id, queue.Name, queue.TeamId, teamName, queue.Strategy, horizon, lines, summary, waiting, plan.Metrics);
    }

    private static double? Utilization(long minutes, QueueRep rep) => rep.CapacityHours > 0 ? minutes / 60.0 / rep.CapacityHours : null;
}

public sealed record QueuePreviewLine(
    long LeadId,
    string LeadName,
    string? Company,
    long LeadVersion,
    long? RepId,
    string? RepName,
    long? RunnerUpId,
    string? RunnerUpName,
    int EligibleReps,
    IReadOnlyList<long> EligibleRepIds,
    double LoadBeforeHours,
    double LoadAfterHours,
    double? UtilizationBefore,
    double? UtilizationAfter,
    AssignmentDecision DecidedBy,
    UnplacedReason? Unplaced);

// Load after is the rep's load once the run's leads are theirs.
public sealed record QueuePreviewRep(
    long MemberId,
    string Name,
    double CapacityHours,
    double LoadBeforeHours,
    double LoadAfterHours,
    int OpenLeads,
    int NewLeads,
    QueueRepStatus Status);
