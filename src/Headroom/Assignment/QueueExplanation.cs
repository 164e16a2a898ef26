using System.Globalization;

namespace Headroom.Assignment;

// "Why this rep" in English, for the log when the caller sends no text of its own (the command
// line, online routing); the pages write the same in the reader's language.
public static class QueueExplanation
{
    public static string English(string queueName, QueuePreviewLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.RepId is null)
        {
            return line.Unplaced == UnplacedReason.EligibleRepsFull
                ? $"queue {queueName}: every eligible rep is full"
                : $"queue {queueName}: no rep meets the requirements";
        }
        return English(queueName, line.DecidedBy, line.RepName ?? "", line.RunnerUpName, line.EligibleReps, line.LoadBeforeHours, line.LoadAfterHours);
    }

    public static string English(string queueName, AssignmentDecision decidedBy, string rep, string? runnerUp, int eligible, double loadBeforeHours, double loadAfterHours)
    {
        var why = decidedBy switch
        {
            AssignmentDecision.OnlyEligibleRep => "the only eligible rep",
            AssignmentDecision.RoundRobinTurn => "next in turn",
            AssignmentDecision.LeastLoaded => "least loaded",
            AssignmentDecision.Utilization => "keeps the highest utilization lowest",
            AssignmentDecision.Cost => "lowest cost",
            AssignmentDecision.Balance => "keeps the loads even",
            AssignmentDecision.AccountOwner => "the company's account owner",
            _ => "chosen",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"queue {queueName}: {rep}, {why} of {eligible} eligible; runner-up {runnerUp ?? "none"}; load {loadBeforeHours:0.0} h → {loadAfterHours:0.0} h");
    }
}
