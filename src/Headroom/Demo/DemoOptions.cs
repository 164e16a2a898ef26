namespace Headroom.Demo;

// Everything the generated data depends on. The same options give the same data, row for row:
// Today anchors the 12 months of history instead of the machine clock.
public sealed record DemoOptions
{
    public const int DefaultSeed = 42;
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public required DateOnly Today { get; init; }
    public string Locale { get; init; } = Chinese;
    public int Seed { get; init; } = DefaultSeed;
    public DemoScale Scale { get; init; } = DemoScale.Small;
    // Null picks the locale's default name (DefaultOrgName).
    public string? OrgName { get; init; }
    // Delete an existing organization of the same name first (all its rows) instead of refusing.
    public bool Replace { get; init; }

    public bool IsChinese => Locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    public string TimeZoneId => IsChinese ? "Asia/Shanghai" : "America/New_York";
    public string Currency => IsChinese ? "CNY" : "USD";
    public string ResolvedOrgName => string.IsNullOrWhiteSpace(OrgName) ? DefaultOrgName(Locale) : OrgName.Trim();

    public static string DefaultOrgName(string locale) =>
        locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "Headroom 演示公司" : "Headroom Demo Inc.";

    // The demo's "today" is the calendar date in the demo organization's time zone.
    public static DateOnly TodayFor(TimeProvider clock, string locale)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "Asia/Shanghai" : "America/New_York");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
