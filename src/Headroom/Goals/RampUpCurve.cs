using System.Globalization;

namespace Headroom.Goals;

// How much of a full target a new hire is expected to carry: a percent for each whole month
// since the hire date, then 100 %. The default (25, 50, 75) is the common three-month ramp of
// inside sales; an organization with longer cycles sets its own (Organization.RampUpCurve).
public sealed record RampUpCurve(IReadOnlyList<int> Percents)
{
    public static readonly RampUpCurve Default = new([25, 50, 75]);

    public static RampUpCurve Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        var percents = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            {
                throw new FormatException($"'{part}' is not a percent from 0 to 100.");
            }
            percents.Add(percent);
        }
        return new RampUpCurve(percents);
    }

    public override string ToString() => string.Join(',', Percents.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    // The share of a full day's work expected on a day, for a member hired on hireDate.
    public double Factor(DateOnly? hireDate, DateOnly day)
    {
        if (hireDate is not { } hire || day < hire)
        {
            return hireDate is null ? 1 : 0;
        }
        var months = (day.Year - hire.Year) * 12 + day.Month - hire.Month - (day.Day < hire.Day ? 1 : 0);
        return months < Percents.Count ? Percents[months] / 100.0 : 1;
    }
}
