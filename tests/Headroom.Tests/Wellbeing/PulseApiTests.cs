using System.Net;
using System.Net.Http.Json;
using Headroom.Tests.Web;
using Headroom.Web.Wellbeing;
using Headroom.Wellbeing;

namespace Headroom.Tests.Wellbeing;

// The pulse survey's privacy rules (docs/decisions/0019): a member's answers are theirs alone,
// admins included; managers and admins get weekly averages of at least three others' answers.
[Trait("Category", "Integration")]
public sealed class PulseApiTests
{
    // The test clock is Monday 2 November 2026, 09:00 in Shanghai.
    private static readonly DateOnly ThisWeek = new(2026, 11, 2);

    [Fact]
    public async Task EveryPrincipal_ReadsOnlyTheirOwnAnswers_AndTeamAveragesAsTheRulesSay()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var owner in (string[])[.. ApiWorld.Owners, ApiWorld.Foreign])
        {
            await AnswerAsync(world, owner, 3, 3, $"secret of {owner}");
        }
        // Team averages over the others in scope: team A's manager has rep A1, rep A2 and the
        // disabled member (3); team B's manager one rep (too few); the admin everyone else (6).
        var teamAnswers = new Dictionary<string, int?>
        {
            [ApiWorld.Admin] = 6, [ApiWorld.ManagerA] = 3, [ApiWorld.ManagerB] = null, [ApiWorld.OtherAdmin] = null,
        };
        var mismatches = new List<string>();
        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            var self = principal == ApiWorld.OtherAdmin ? ApiWorld.Foreign : principal;

            var mine = await client.GetAsync(new Uri("/api/v1/pulse/mine", UriKind.Relative));
            Expect("GET mine", principal, AccessRules.SignedIn(principal) ? 200 : 401, mine.StatusCode);
            if (mine.IsSuccessStatusCode)
            {
                var answers = await mine.Content.ReadFromJsonAsync<List<PulseAnswerResponse>>(ApiWorld.Json);
                Assert.Equal([new PulseAnswerResponse(ThisWeek, 3, 3, $"secret of {self}")], answers);
            }

            var team = await client.GetAsync(new Uri("/api/v1/pulse/team", UriKind.Relative));
            Expect("GET team", principal, !AccessRules.SignedIn(principal) ? 401 : AccessRules.IsRep(principal) ? 403 : 200, team.StatusCode);
            if (team.IsSuccessStatusCode)
            {
                var body = await team.Content.ReadAsStringAsync();
                Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
                var weeks = await team.Content.ReadFromJsonAsync<List<PulseWeekAverage>>(ApiWorld.Json);
                Assert.Equal(teamAnswers[principal], weeks!.SingleOrDefault()?.Answers);
            }

            var answer = await client.PutAsJsonAsync("/api/v1/pulse/mine", new PulseAnswerRequest(4, 2, null), ApiWorld.Json);
            Expect("PUT mine", principal, AccessRules.SignedIn(principal) ? 200 : 401, answer.StatusCode);
        }
        Assert.Empty(mismatches);

        // The answer was changed, not added: still one a week.
        var changed = await world.Client(ApiWorld.RepA1).GetFromJsonAsync<List<PulseAnswerResponse>>("/api/v1/pulse/mine", ApiWorld.Json);
        Assert.Equal([new PulseAnswerResponse(ThisWeek, 4, 2, null)], changed);

        void Expect(string what, string principal, int expected, HttpStatusCode actual)
        {
            if (expected != (int)actual)
            {
                mismatches.Add($"{what} by {principal}: expected {expected}, got {(int)actual}");
            }
        }
    }

    [Fact]
    public async Task TeamAverage_AppearsOnlyOnceThreeOthersAnswered_NeverASingleAnswer()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        async Task<List<PulseWeekAverage>> TeamAsync() =>
            (await manager.GetFromJsonAsync<List<PulseWeekAverage>>("/api/v1/pulse/team", ApiWorld.Json))!;

        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.RepA1).PutAsJsonAsync("/api/v1/pulse/mine", new PulseAnswerRequest(1, 5, "我太累了"), ApiWorld.Json)).StatusCode);
        Assert.Empty(await TeamAsync());
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.RepA2).PutAsJsonAsync("/api/v1/pulse/mine", new PulseAnswerRequest(4, 2, null), ApiWorld.Json)).StatusCode);
        Assert.Empty(await TeamAsync());
        // The manager's own answer does not count: with it they could work out the others'.
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/v1/pulse/mine", new PulseAnswerRequest(5, 1, null), ApiWorld.Json)).StatusCode);
        Assert.Empty(await TeamAsync());
        // Another rep of the team answers from another browser (their session here is gone).
        await AnswerAsync(world, ApiWorld.Disabled, 3, 3, null);

        Assert.Equal([new PulseWeekAverage(ThisWeek, 3, Math.Round(8 / 3.0, 1), Math.Round(10 / 3.0, 1))], await TeamAsync());
        var body = await manager.GetStringAsync(new Uri("/api/v1/pulse/team", UriKind.Relative));
        Assert.DoesNotContain("我太累了", body, StringComparison.Ordinal);
        // Not even an admin reads a rep's answer: "mine" is the admin's own (none).
        Assert.Equal([], await world.Client(ApiWorld.Admin).GetFromJsonAsync<List<PulseAnswerResponse>>("/api/v1/pulse/mine", ApiWorld.Json));
    }

    [Fact]
    public async Task Answer_OutOfRange_IsAFieldError_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);

        var response = await rep.PutAsJsonAsync("/api/v1/pulse/mine", new PulseAnswerRequest(6, null, null), ApiWorld.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("energy", body, StringComparison.Ordinal);
        Assert.Contains("stress", body, StringComparison.Ordinal);
        Assert.Equal([], await rep.GetFromJsonAsync<List<PulseAnswerResponse>>("/api/v1/pulse/mine", ApiWorld.Json));
    }

    private static async Task AnswerAsync(ApiWorld world, string owner, int energy, int stress, string? comment)
    {
        await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
        db.PulseResponses.Add(new PulseResponse
        {
            MemberId = world.MemberIds[owner == ApiWorld.Foreign ? ApiWorld.OtherAdmin : owner], WeekStart = ThisWeek, Energy = energy, Stress = stress, Comment = comment,
        });
        await db.SaveChangesAsync();
    }
}
