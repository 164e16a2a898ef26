using System.Globalization;
using Headroom.Web.Localization;
using Headroom.Wellbeing;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Wellbeing;

public static class RiskFactorText
{
    // Scores at or above this are "high": the home page and GET /api/v1/alerts name them.
    public const int HighRisk = BurnoutAlerts.Threshold;

    public static string Sentence(this IStringLocalizer<Strings> l, RiskFactor factor) =>
        string.Format(CultureInfo.CurrentCulture, l[factor.MessageKey], [.. factor.Arguments]);
}
