using System.Globalization;

namespace Headroom.Assignment;

// A cover line's explanation as one English sentence, stored with the line and shown by the
// command line; the pages build the same sentence from their localized strings.
public static class LeaveCoverExplanation
{
    public static string English(CoverLine line)
    {
        var why = line.Reason == CoverReason.SameTeam
            ? "the least loaded teammate with room"
            : "nobody in the team had room, so the least loaded colleague under the same manager";
        var territory = line.TerritoryMatch ? "; works the account's territory" : "";
        var account = line.GroupSize > 1 && line.AccountName is { } name ? $"; covers all {line.GroupSize} follow-ups of {name}" : "";
        var runnerUp = line.RunnerUp is { } next ? $"; runner-up {next.Name} ({Percent(next.UtilizationAfter)})" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{line.Hours:0.0} h to {line.CoverName} ({Percent(line.CoverBefore)} → {Percent(line.CoverAfter)} over the leave): {why}{territory}{account}{runnerUp}.");
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
