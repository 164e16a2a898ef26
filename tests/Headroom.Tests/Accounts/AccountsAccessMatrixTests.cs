using System.Net.Http.Json;
using Headroom.Accounts;
using Headroom.Tests.Web;
using Headroom.Web.Accounts;
using Headroom.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Accounts;

// Every accounts endpoint × every principal × every seeded account, against AccessRules.
[Trait("Category", "Integration")]
public class AccountsAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Pool, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryAccount_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s account: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.AccountIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<Account>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/accounts/{id}",
                    new AccountRequest($"account of {owner}", AccountTier.B, null, "Retail", "East", null, null, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                var ownerId = owner switch { ApiWorld.Foreign => world.MemberIds[ApiWorld.OtherAdmin], ApiWorld.Pool => (long?)null, _ => world.MemberIds[owner] };
                var (fresh, _) = await world.AddAccountWithDealAsync(world.OrgOf(owner), $"{owner} for {principal}", ownerId, 0, withDeal: false);
                var delete = await client.DeleteAsync(new Uri($"/api/v1/accounts/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanDelete(principal) ? 204 : 403), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.Accounts.AnyAsync(a => a.Id == fresh));
            }

            var create = await client.PostAsJsonAsync("/api/v1/accounts", new AccountRequest("new account", null, null, null, null, null, null), ApiWorld.Json);
            Check("POST", principal, "their own", AccessRules.SignedIn(principal) ? 201 : 401, (int)create.StatusCode);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheAccountsTheSingleReadAllows()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<PagedList<AccountResponse>>("/api/v1/accounts?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                if ((await client.GetAsync(new Uri($"/api/v1/accounts/{world.AccountIds[owner]}", UriKind.Relative))).IsSuccessStatusCode)
                {
                    readable.Add(world.AccountIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.AccountIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(a => a.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
        }
    }

    [Fact]
    public async Task AnonymousAndDisabledUsers_GetNoList()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in new[] { ApiWorld.Anonymous, ApiWorld.Disabled })
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/accounts", UriKind.Relative))).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        }
    }
}
