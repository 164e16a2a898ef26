using Headroom.Accounts;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Organizations;

[Trait("Category", "Persistence")]
public class AccessScopeTests
{
    [Fact]
    public async Task Scope_IsOrgForAdmins_TeamTreeForManagers_OwnRecordsForReps()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var other = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using (var db = database.CreateContext(other.Id))
        {
            var stranger = db.Members.Add(new Member { Name = "stranger", Role = MemberRole.Rep }).Entity;
            db.Accounts.Add(new Account { Name = "foreign", Owner = stranger });
            await db.SaveChangesAsync();
        }

        await using var setup = database.CreateContext(org.Id);
        var sales = setup.Teams.Add(new Team { Name = "Sales" }).Entity;
        var east = setup.Teams.Add(new Team { Name = "East", ParentTeam = sales }).Entity;
        var north = setup.Teams.Add(new Team { Name = "North", ParentTeam = east }).Entity;
        var service = setup.Teams.Add(new Team { Name = "Service" }).Entity;
        await setup.SaveChangesAsync();
        Member Add(string name, MemberRole role, Team team) => setup.Members.Add(new Member { Name = name, Role = role, TeamId = team.Id }).Entity;
        var admin = Add("admin", MemberRole.Admin, sales);
        var head = Add("head of sales", MemberRole.Manager, sales);
        var eastLead = Add("east lead", MemberRole.Manager, east);
        var serviceLead = Add("service lead", MemberRole.Manager, service);
        var deputy = Add("service deputy", MemberRole.Manager, service);   // manages no team: scope is their own team
        var repSales = Add("rep sales", MemberRole.Rep, sales);
        var repNorth = Add("rep north", MemberRole.Rep, north);
        var repService = Add("rep service", MemberRole.Rep, service);
        var newRep = Add("new rep", MemberRole.Rep, sales);
        await setup.SaveChangesAsync();
        sales.ManagerId = head.Id;
        east.ManagerId = eastLead.Id;
        service.ManagerId = serviceLead.Id;
        foreach (var owner in new[] { head, repSales, repNorth, repService, eastLead })
        {
            setup.Accounts.Add(new Account { Name = "of " + owner.Name, OwnerId = owner.Id });
            setup.FollowUps.Add(new FollowUp { Title = "call for " + owner.Name, AssigneeId = owner.Id, DueUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
        }
        setup.Accounts.Add(new Account { Name = "unowned (customer pool)" });
        await setup.SaveChangesAsync();

        async Task<string[]> Visible(Member member)
        {
            await using var db = database.CreateContext(org.Id);
            var scope = await AccessScope.ForMemberAsync(db, member.Id);
            var accounts = await scope.Accounts(db).OrderBy(a => a.Name).Select(a => a.Name).ToArrayAsync();
            var followUps = await scope.FollowUps(db).CountAsync();
            Assert.Equal(accounts.Count(a => a != "unowned (customer pool)"), followUps);
            return accounts;
        }

        Assert.Equal(6, (await Visible(admin)).Length);
        Assert.Equal(["of east lead", "of head of sales", "of rep north", "of rep sales"], await Visible(head));
        Assert.Equal(["of east lead", "of rep north"], await Visible(eastLead));
        Assert.Equal(["of rep service"], await Visible(serviceLead));
        Assert.Equal(["of rep service"], await Visible(deputy));
        Assert.Equal(["of rep north"], await Visible(repNorth));
        Assert.Empty(await Visible(newRep));
    }
}
