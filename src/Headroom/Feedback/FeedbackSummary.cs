namespace Headroom.Feedback;

// CsatAverage is the mean CSAT score (two decimals); Nps is % promoters (9–10) minus
// % detractors (0–6) of the NPS answers (one decimal). Both are null when there is no answer of
// that kind, rather than a misleading zero.
public sealed record FeedbackSummary(int Count, int CsatCount, decimal? CsatAverage, int NpsCount, int Promoters, int Passives, int Detractors, decimal? Nps)
{
    public static FeedbackSummary Of(int csatCount, long csatSum, int npsCount, int promoters, int detractors) => new(
        csatCount + npsCount,
        csatCount,
        csatCount == 0 ? null : Math.Round((decimal)csatSum / csatCount, 2, MidpointRounding.AwayFromZero),
        npsCount,
        promoters,
        npsCount - promoters - detractors,
        detractors,
        npsCount == 0 ? null : Math.Round(100m * (promoters - detractors) / npsCount, 1, MidpointRounding.AwayFromZero));

    public static FeedbackSummary Of(IEnumerable<(FeedbackKind Kind, int Score)> entries)
    {
        var list = entries.ToList();
        var csat = list.Where(e => e.Kind == FeedbackKind.Csat).ToList();
        var nps = list.Where(e => e.Kind == FeedbackKind.Nps).ToList();
        return Of(csat.Count, csat.Sum(e => (long)e.Score), nps.Count, nps.Count(e => e.Score >= 9), nps.Count(e => e.Score <= 6));
    }
}
