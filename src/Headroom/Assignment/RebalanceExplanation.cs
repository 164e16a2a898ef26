using System.Globalization;

namespace Headroom.Assignment;

// A move's explanation as one English sentence, for the command line and the log's reason when
// the caller sends none. The pages build the same sentence from their localized strings.
public static class RebalanceExplanation
{
    public static string English(RebalanceMove move)
    {
        var item = move.ItemReason == ItemReason.CoversExcess
            ? $"the lightest item that brings {move.FromName} back within the band"
            : "no single item is enough, so the one with the most hours per move";
        var receiver = move.ReceiverReason == ReceiverReason.HadRoomUnderBand
            ? $"{move.ToName} was under the band"
            : $"{move.ToName} is the least loaded teammate afterwards";
        var runnerUp = move.RunnerUp is { } next ? $"; runner-up {next.Name} ({Percent(next.UtilizationAfter)})" : "";
        var limited = move.LimitedBy.Count > 0 ? $"; only teammates who meet its requirements: {Limits(move.LimitedBy)}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{move.Hours:0.0} h from {move.FromName} ({Percent(move.FromBefore)} → {Percent(move.FromAfter)}) to {move.ToName} ({Percent(move.ToBefore)} → {Percent(move.ToAfter)}): {item}; {receiver}{runnerUp}{limited}.");
    }

    // "territory 苏州 (3 ruled out), language en (1 ruled out)"
    public static string Limits(IEnumerable<RequirementLimit> limits) =>
        string.Join(", ", limits.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Rule.ToString().ToLowerInvariant()} {l.Value} ({l.Excluded} ruled out)")));

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
