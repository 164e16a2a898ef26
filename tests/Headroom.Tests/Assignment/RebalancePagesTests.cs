using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Headroom.Accounts;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class RebalancePagesTests
{
    [Fact]
    public async Task Manager_SeesTheProposalOfTheirTeam_ARepDoesNot_AndOtherTeams404()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            for (var i = 1; i <= 5; i++)
            {
                db.FollowUps.Add(new FollowUp { Title = $"tender {i}", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = now.AddDays(3), EffortHours = 20 });
            }
            await db.SaveChangesAsync();
        }
        var manager = world.Client(ApiWorld.ManagerA);
        var page = await manager.GetStringAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Contains("Apply selected moves", page, StringComparison.Ordinal);
        Assert.Contains("Follow-up: tender", page, StringComparison.Ordinal);
        Assert.Contains("runner-up", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        var heatmap = await manager.GetStringAsync(new Uri($"/workload?teamId={world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Contains($"href=\"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamA]}\"", heatmap, StringComparison.Ordinal);

        var teamB = await world.Client(ApiWorld.ManagerB).GetStringAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative));
        Assert.Contains("Everyone is within the healthy band", teamB, StringComparison.Ordinal);

        var rep = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/workload/rebalance", UriKind.Relative));
        Assert.Contains("Only managers and administrators may rebalance a team.", rep, StringComparison.Ordinal);
        Assert.DoesNotContain("tender", rep, StringComparison.Ordinal);

        var log = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/assignment/log", UriKind.Relative));
        // Nothing rebalanced yet: the rep's log shows only their own records being given to them.
        Assert.Contains("account of repA1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("account of repA2", log, StringComparison.Ordinal);
    }

    // Each line's receiver list holds only teammates who meet the item's requirements; a line the
    // apply still refuses (here a hand-made post) shows its error on that line.
    [Fact]
    public async Task TheReceiverLists_OfferOnlyEligibleTeammates_AndARefusedLineShowsItsError()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = world.TeamIds[ApiWorld.TeamA];
        var repA3 = (await world.Host.AddUserAsync("repA3@example.com", role: MemberRole.Rep, teamId: teamA)).MemberId;
        var (repA1, repA2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Members.SingleAsync(m => m.Id == repA2)).Territories = ["杭州"];
            (await db.Members.SingleAsync(m => m.Id == repA3)).Territories = ["苏州"];
            var account = db.Accounts.Add(new Account { Name = "苏州 customer", Territory = "苏州", OwnerId = world.MemberIds[ApiWorld.ManagerA] }).Entity;
            await db.SaveChangesAsync();
            db.FollowUps.AddRange(Enumerable.Range(1, 4).Select(i => new FollowUp
            {
                Title = $"tender {i}", AssigneeId = repA1, DueUtc = now.AddDays(3), EffortHours = 20, AccountId = account.Id,
            }));
            await db.SaveChangesAsync();
        }
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var path = $"/workload/rebalance?teamId={teamA}";
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var pickers = Regex.Matches(page, @"<select name=""Edit\.Lines\[\d+\]\.ToMemberId"".*?</select>", RegexOptions.Singleline);
        Assert.NotEmpty(pickers);
        foreach (Match picker in pickers)
        {
            var options = Regex.Matches(picker.Value, @"<option value=""(\d+)""").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([repA3], options);
        }

        var tender = await TenderAsync(world, "tender 1");
        var refused = await WebTestHost.PostFormAsync(client, path, "/workload/rebalance", new Dictionary<string, string>
        {
            ["_handler"] = "apply", ["Edit.TeamId"] = teamA.ToString(CultureInfo.InvariantCulture),
            ["Edit.Lines[0].Include"] = "true", ["Edit.Lines[0].Kind"] = "FollowUp", ["Edit.Lines[0].ItemId"] = tender.ToString(CultureInfo.InvariantCulture),
            ["Edit.Lines[0].FromMemberId"] = repA1.ToString(CultureInfo.InvariantCulture), ["Edit.Lines[0].ProposedTo"] = repA3.ToString(CultureInfo.InvariantCulture),
            ["Edit.Lines[0].ToMemberId"] = repA2.ToString(CultureInfo.InvariantCulture), ["Edit.Lines[0].Reason"] = "test",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The lines marked below were refused", html, StringComparison.Ordinal);
        // The error sits in the row of its item in the fresh proposal, tied to its receiver list.
        var row = Assert.Single(Regex.Matches(html, "<tr>(?:(?!</tr>).)*?Follow-up: tender 1(?:(?!</tr>).)*</tr>", RegexOptions.Singleline)).Value;
        Assert.Contains("The receiver does not meet this item", row, StringComparison.Ordinal);
        Assert.Contains("requirements: territory 苏州.", row, StringComparison.Ordinal);
        Assert.Matches(@"aria-describedby=""line-error-\d+""", row);
        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(repA1, (await check.FollowUps.SingleAsync(f => f.Id == tender)).AssigneeId);
    }

    private static async Task<long> TenderAsync(ApiWorld world, string title)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        return await db.FollowUps.Where(f => f.Title == title).Select(f => f.Id).SingleAsync();
    }
}
