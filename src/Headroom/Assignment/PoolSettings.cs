using Headroom.Accounts;

namespace Headroom.Assignment;

// The customer pool's (公海) rules for one organization (docs/decisions/0027). A null limit means
// no limit. Defaults: 5 claims a day; at most 20 A, 40 B and 80 C accounts and 100 open leads held,
// D accounts unlimited; back to the pool after 30 days without activity, with a reminder 7 days
// before; 7 days before a rep may claim again a record they released or lost.
public sealed record PoolSettings
{
    public static PoolSettings Default { get; } = new();

    public int? DailyClaimLimit { get; init; } = 5;
    public int? CapA { get; init; } = 20;
    public int? CapB { get; init; } = 40;
    public int? CapC { get; init; } = 80;
    public int? CapD { get; init; }
    public int? LeadCap { get; init; } = 100;
    // Null: records never go back on their own.
    public int? ReturnAfterDays { get; init; } = 30;
    public int ReminderDays { get; init; } = 7;
    public int CooldownDays { get; init; } = 7;

    public int? CapFor(AccountTier tier) => tier switch
    {
        AccountTier.A => CapA,
        AccountTier.B => CapB,
        AccountTier.C => CapC,
        _ => CapD,
    };
}
