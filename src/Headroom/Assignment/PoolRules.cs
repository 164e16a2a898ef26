using Headroom.Accounts;

namespace Headroom.Assignment;

// The customer pool's rules as pure functions: whether a rep may claim a record now, and which held
// records go back to the pool (or get a reminder) on a given day. Days are the organization's
// local dates; the caller counts claims and holdings and passes today in.
public static class PoolRules
{
    public static ClaimDecision CanClaim(PoolSettings settings, ClaimCandidate candidate, DateOnly today)
    {
        if (settings.DailyClaimLimit is { } limit && candidate.ClaimsToday >= limit)
        {
            return ClaimDecision.Refuse(ClaimRefusal.DailyLimit, limit, null);
        }
        var cap = candidate.Kind == RebalanceItemKind.Account ? settings.CapFor(candidate.Tier) : settings.LeadCap;
        if (cap is { } held && candidate.Held >= held)
        {
            return ClaimDecision.Refuse(ClaimRefusal.RetentionCap, held, null);
        }
        // Released or lost on day D: claimable again from D + cool-down days.
        if (candidate.LastLeft is { } left && settings.CooldownDays > 0 && today < left.AddDays(settings.CooldownDays))
        {
            return ClaimDecision.Refuse(ClaimRefusal.Cooldown, settings.CooldownDays, left.AddDays(settings.CooldownDays));
        }
        return ClaimDecision.Allowed;
    }

    // A record whose last activity (or claim) was on day D goes back on D + N; it is reminded of
    // from ReminderDays before that. Records without a date of their own are left alone.
    public static IReadOnlyList<PoolHoldingStatus> Review(PoolSettings settings, IEnumerable<PoolHolding> holdings, DateOnly today)
    {
        if (settings.ReturnAfterDays is not { } days)
        {
            return [];
        }
        var result = new List<PoolHoldingStatus>();
        foreach (var holding in holdings)
        {
            var returnOn = holding.LastActivity.AddDays(days);
            var daysLeft = returnOn.DayNumber - today.DayNumber;
            if (daysLeft <= 0)
            {
                result.Add(new PoolHoldingStatus(holding, returnOn, 0, Due: true));
            }
            else if (daysLeft <= settings.ReminderDays)
            {
                result.Add(new PoolHoldingStatus(holding, returnOn, daysLeft, Due: false));
            }
        }
        return result;
    }
}

// Held: the accounts of the same tier (or the open leads) the rep already owns. LastLeft:
// the last day this rep released or lost this record to the pool, if any.
public sealed record ClaimCandidate(RebalanceItemKind Kind, AccountTier Tier, int ClaimsToday, int Held, DateOnly? LastLeft);

public enum ClaimRefusal
{
    None = 0,
    DailyLimit = 1,
    RetentionCap = 2,
    Cooldown = 3,
}

// Limit: the daily limit, the cap or the cool-down days that refused; Until: the first day the
// cool-down allows a claim.
public sealed record ClaimDecision(ClaimRefusal Refusal, int? Limit, DateOnly? Until)
{
    public static ClaimDecision Allowed { get; } = new(ClaimRefusal.None, null, null);

    public bool CanClaim => Refusal == ClaimRefusal.None;

    public static ClaimDecision Refuse(ClaimRefusal refusal, int limit, DateOnly? until) => new(refusal, limit, until);
}

public sealed record PoolHolding(RebalanceItemKind Kind, long ItemId, string Label, long OwnerId, DateOnly LastActivity);

public sealed record PoolHoldingStatus(PoolHolding Holding, DateOnly ReturnOn, int DaysLeft, bool Due);
