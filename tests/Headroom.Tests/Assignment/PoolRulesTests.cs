using Headroom.Accounts;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public class PoolRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static ClaimCandidate Account(int claimsToday = 0, int held = 0, DateOnly? left = null, AccountTier tier = AccountTier.B) =>
        new(RebalanceItemKind.Account, tier, claimsToday, held, left);

    [Fact]
    public void CanClaim_UnderEveryLimit_IsAllowed()
    {
        Assert.True(PoolRules.CanClaim(PoolSettings.Default, Account(claimsToday: 4, held: 39), Today).CanClaim);
    }

    [Fact]
    public void CanClaim_AtTheDailyLimit_IsRefused_WithTheLimit()
    {
        var decision = PoolRules.CanClaim(PoolSettings.Default, Account(claimsToday: 5), Today);
        Assert.Equal((ClaimRefusal.DailyLimit, (int?)5), (decision.Refusal, decision.Limit));
        Assert.True(PoolRules.CanClaim(PoolSettings.Default with { DailyClaimLimit = null }, Account(claimsToday: 500), Today).CanClaim);
        Assert.False(PoolRules.CanClaim(PoolSettings.Default with { DailyClaimLimit = 0 }, Account(), Today).CanClaim);
    }

    [Theory]
    [InlineData(AccountTier.A, 19, true)]
    [InlineData(AccountTier.A, 20, false)]
    [InlineData(AccountTier.B, 40, false)]
    [InlineData(AccountTier.C, 79, true)]
    [InlineData(AccountTier.C, 80, false)]
    [InlineData(AccountTier.D, 10_000, true)]
    public void CanClaim_RetentionCap_CountsTheTier(AccountTier tier, int held, bool allowed)
    {
        var decision = PoolRules.CanClaim(PoolSettings.Default, Account(held: held, tier: tier), Today);
        Assert.Equal(allowed, decision.CanClaim);
        if (!allowed)
        {
            Assert.Equal((ClaimRefusal.RetentionCap, (int?)held), (decision.Refusal, decision.Limit));
        }
    }

    [Fact]
    public void CanClaim_Leads_UseTheLeadCap()
    {
        var settings = PoolSettings.Default with { LeadCap = 2 };
        Assert.True(PoolRules.CanClaim(settings, new ClaimCandidate(RebalanceItemKind.Lead, AccountTier.C, 0, 1, null), Today).CanClaim);
        Assert.Equal(ClaimRefusal.RetentionCap, PoolRules.CanClaim(settings, new ClaimCandidate(RebalanceItemKind.Lead, AccountTier.C, 0, 2, null), Today).Refusal);
    }

    [Fact]
    public void CanClaim_Cooldown_RefusesUntilTheDayItEnds()
    {
        // Released on 23 November with a 7-day cool-down: claimable again from 30 November.
        Assert.True(PoolRules.CanClaim(PoolSettings.Default, Account(left: new DateOnly(2026, 11, 23)), Today).CanClaim);
        var decision = PoolRules.CanClaim(PoolSettings.Default, Account(left: new DateOnly(2026, 11, 24)), Today);
        Assert.Equal((ClaimRefusal.Cooldown, (DateOnly?)new DateOnly(2026, 12, 1)), (decision.Refusal, decision.Until));
        Assert.True(PoolRules.CanClaim(PoolSettings.Default with { CooldownDays = 0 }, Account(left: Today), Today).CanClaim);
    }

    [Fact]
    public void CanClaim_DailyLimitIsCheckedBeforeTheCapAndTheCooldown()
    {
        Assert.Equal(ClaimRefusal.DailyLimit, PoolRules.CanClaim(PoolSettings.Default, Account(claimsToday: 5, held: 40, left: Today), Today).Refusal);
        Assert.Equal(ClaimRefusal.RetentionCap, PoolRules.CanClaim(PoolSettings.Default, Account(held: 40, left: Today), Today).Refusal);
    }

    [Fact]
    public void Review_ReturnsAfterNDays_AndRemindsBefore()
    {
        static PoolHolding Held(long id, DateOnly last) => new(RebalanceItemKind.Account, id, $"a{id}", 1, last);
        // 30 days, reminder 7: last activity 31 Oct returns 30 Nov (today), 1 Nov returns 1 Dec
        // (reminded, 1 day left), 7 Nov returns 7 Dec (7 days left, reminded), 8 Nov not yet.
        var statuses = PoolRules.Review(PoolSettings.Default, [
            Held(1, new DateOnly(2026, 10, 31)), Held(2, new DateOnly(2026, 11, 1)), Held(3, new DateOnly(2026, 11, 7)),
            Held(4, new DateOnly(2026, 11, 8)), Held(5, new DateOnly(2026, 9, 1)),
        ], Today);
        Assert.Equal([1L, 2, 3, 5], statuses.Select(s => s.Holding.ItemId));
        Assert.Equal([true, false, false, true], statuses.Select(s => s.Due));
        Assert.Equal([0, 1, 7, 0], statuses.Select(s => s.DaysLeft));
        Assert.Equal(new DateOnly(2026, 12, 1), statuses[1].ReturnOn);
    }

    [Fact]
    public void Review_WithoutAReturnPeriod_ReturnsNothing()
    {
        var held = new PoolHolding(RebalanceItemKind.Lead, 1, "l", 1, new DateOnly(2020, 1, 1));
        Assert.Empty(PoolRules.Review(PoolSettings.Default with { ReturnAfterDays = null }, [held], Today));
    }
}
