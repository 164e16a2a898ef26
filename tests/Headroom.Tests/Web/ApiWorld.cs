using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Tests.Web;

// The principals of the access matrix, signed in to the real app, and one account and one deal
// owned by each member of the organization (plus a pool account and a record of another
// organization). Records are named by their owner's key: "repA1", "pool", "foreign".
public sealed class ApiWorld : IAsyncDisposable
{
    public const string Anonymous = "anonymous", Admin = "admin", ManagerA = "managerA", ManagerB = "managerB",
        RepA1 = "repA1", RepA2 = "repA2", RepB = "repB", Disabled = "disabled", OtherAdmin = "otherAdmin";
    public const string Pool = "pool", Foreign = "foreign";
    public const string TeamA = "teamA", TeamB = "teamB";
    // The organization's own goal, beside the team and member goals keyed by team or owner.
    public const string OrgGoal = "org";

    public static readonly string[] Principals = [Anonymous, Admin, ManagerA, ManagerB, RepA1, RepA2, RepB, Disabled, OtherAdmin];
    // Members of the first organization that own records.
    public static readonly string[] Owners = [Admin, ManagerA, ManagerB, RepA1, RepA2, RepB, Disabled];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, HttpClient> _clients = [];

    private ApiWorld(WebTestHost host) => Host = host;

    public WebTestHost Host { get; }
    public long OtherOrgId { get; private set; }
    public Dictionary<string, long> MemberIds { get; } = [];
    public Dictionary<string, long> AccountIds { get; } = [];
    public Dictionary<string, long> DealIds { get; } = [];
    public Dictionary<string, long> ActivityIds { get; } = [];
    public Dictionary<string, long> FollowUpIds { get; } = [];
    public Dictionary<string, long> LeadIds { get; } = [];
    public Dictionary<string, long> ContactIds { get; } = [];
    public Dictionary<string, long> CsatIds { get; } = [];
    public Dictionary<string, long> NpsIds { get; } = [];
    // Team A, Team B and a team of the other organization, keyed TeamA, TeamB, Foreign.
    public Dictionary<string, long> TeamIds { get; } = [];

    public HttpClient Client(string principal) => _clients[principal];

    public static async Task<ApiWorld> CreateAsync()
    {
        var world = new ApiWorld(await WebTestHost.CreateAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        long teamA, teamB;
        await using (var db = Host.Database.CreateContext(Host.OrgId))
        {
            var a = db.Teams.Add(new Team { Name = "Team A" }).Entity;
            var b = db.Teams.Add(new Team { Name = "Team B" }).Entity;
            await db.SaveChangesAsync();
            (teamA, teamB) = (a.Id, b.Id);
        }
        (TeamIds[TeamA], TeamIds[TeamB]) = (teamA, teamB);
        (string Key, MemberRole Role, long? Team)[] people =
        [
            (Admin, MemberRole.Admin, null), (ManagerA, MemberRole.Manager, teamA), (ManagerB, MemberRole.Manager, teamB),
            (RepA1, MemberRole.Rep, teamA), (RepA2, MemberRole.Rep, teamA), (RepB, MemberRole.Rep, teamB), (Disabled, MemberRole.Rep, teamA),
        ];
        foreach (var (key, role, team) in people)
        {
            MemberIds[key] = (await Host.AddUserAsync($"{key}@example.com", role: role, teamId: team)).MemberId;
        }
        await using (var db = Host.Database.CreateContext(Host.OrgId))
        {
            (await db.Teams.SingleAsync(t => t.Id == teamA)).ManagerId = MemberIds[ManagerA];
            (await db.Teams.SingleAsync(t => t.Id == teamB)).ManagerId = MemberIds[ManagerB];
            await db.SaveChangesAsync();
        }
        foreach (var owner in Owners)
        {
            (AccountIds[owner], DealIds[owner]) = await AddAccountWithDealAsync(Host.OrgId, owner, MemberIds[owner], 100_00 * (Array.IndexOf(Owners, owner) + 1));
        }
        await using (var db = Host.Database.CreateContext(Host.OrgId))
        {
            var pool = db.Accounts.Add(new Account { Name = "account in the pool" }).Entity;
            await db.SaveChangesAsync();
            AccountIds[Pool] = pool.Id;
        }

        var other = await Host.Database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        OtherOrgId = other.Id;
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Tenant.Enter(other.Id);
            var member = db.Members.Add(new Member { Name = "other admin", Email = "other@example.com", Role = MemberRole.Admin }).Entity;
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
                .CreateAsync(AppUsers.For(member, other.Id, "other@example.com"), "correct horse battery staple");
            Assert.True(result.Succeeded);
            MemberIds[OtherAdmin] = member.Id;
            var team = db.Teams.Add(new Team { Name = "Globex sales", ManagerId = member.Id }).Entity;
            await db.SaveChangesAsync();
            TeamIds[Foreign] = team.Id;
        }
        (AccountIds[Foreign], DealIds[Foreign]) = await AddAccountWithDealAsync(other.Id, Foreign, MemberIds[OtherAdmin], 999_00);

        foreach (var principal in Principals)
        {
            var client = Host.CreateClient();
            _clients[principal] = client;
            if (principal == Anonymous)
            {
                continue;
            }
            var email = principal == OtherAdmin ? "other@example.com" : $"{principal}@example.com";
            var signIn = await WebTestHost.SignInAsync(client, email);
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);
            var token = await client.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/v1/antiforgery", Json);
            client.DefaultRequestHeaders.Add(token!.HeaderName, token.RequestToken);
        }
        // The disabled user signed in while still enabled; the cookie dies at the next revalidation.
        await using (var db = Host.Database.CreateContext(Host.OrgId))
        {
            (await db.Users.SingleAsync(u => u.MemberId == MemberIds[Disabled])).Disabled = true;
            await db.SaveChangesAsync();
        }
        Host.Clock.Advance(TimeSpan.FromSeconds(31));
    }

    public async Task<(long AccountId, long DealId)> AddAccountWithDealAsync(long orgId, string name, long? ownerId, long amountMinor, bool withDeal = true)
    {
        await using var db = Host.Database.CreateContext(orgId);
        var account = db.Accounts.Add(new Account { Name = $"account of {name}", OwnerId = ownerId, Region = "East" }).Entity;
        await db.SaveChangesAsync();
        if (!withDeal)
        {
            return (account.Id, 0);
        }
        var stage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
        var deal = db.Deals.Add(new Deal { Name = $"deal of {name}", AccountId = account.Id, OwnerId = ownerId, AmountMinor = amountMinor, StageId = stage.Id }).Entity;
        await db.SaveChangesAsync();
        return (account.Id, deal.Id);
    }

    // One activity logged by and one follow-up assigned to each owner, about their own account;
    // only the tests of those endpoints need them.
    public async Task AddActivitiesAndFollowUpsAsync()
    {
        foreach (var owner in (string[])[.. Owners, Foreign])
        {
            (ActivityIds[owner], FollowUpIds[owner]) = await AddActivityAndFollowUpAsync(OrgOf(owner), owner);
        }
    }

    public async Task<(long ActivityId, long FollowUpId)> AddActivityAndFollowUpAsync(long orgId, string owner, string? title = null)
    {
        await using var db = Host.Database.CreateContext(orgId);
        var memberId = MemberIds[owner == Foreign ? OtherAdmin : owner];
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var activity = db.SalesActivities.Add(new SalesActivity
        {
            Type = ActivityType.Call, MemberId = memberId, AccountId = AccountIds[owner], StartUtc = now.AddHours(-2),
            DurationMinutes = 10 * (Array.IndexOf(Owners, owner) + 2), Outcome = ActivityOutcome.Completed, Notes = $"call of {title ?? owner}",
        }).Entity;
        var followUp = db.FollowUps.Add(new FollowUp
        {
            Title = title ?? $"follow-up of {owner}", AssigneeId = memberId, AccountId = AccountIds[owner], DueUtc = now.AddDays(1),
            EffortHours = 0.5 * (Array.IndexOf(Owners, owner) + 2),
        }).Entity;
        await db.SaveChangesAsync();
        return (activity.Id, followUp.Id);
    }

    // One lead owned by each owner; only the leads tests need them.
    public async Task AddLeadsAsync()
    {
        foreach (var owner in (string[])[.. Owners, Foreign])
        {
            LeadIds[owner] = await AddLeadAsync(OrgOf(owner), owner);
        }
    }

    public async Task<long> AddLeadAsync(long orgId, string owner, string? name = null)
    {
        await using var db = Host.Database.CreateContext(orgId);
        var lead = db.Leads.Add(new Lead
        {
            Name = name ?? $"lead of {owner}", Company = $"company of {owner}", Source = "web", OwnerId = MemberIds[owner == Foreign ? OtherAdmin : owner],
            EstimatedValueMinor = 50_00 * (Array.IndexOf(Owners, owner) + 2),
        }).Entity;
        await db.SaveChangesAsync();
        return lead.Id;
    }

    // One contact, one CSAT and one NPS entry on every seeded account (the pool's included; its
    // entries have no deal); only the contacts and feedback tests need them.
    public async Task AddContactsAndFeedbackAsync()
    {
        foreach (var owner in (string[])[.. Owners, Pool, Foreign])
        {
            ContactIds[owner] = await AddContactAsync(OrgOf(owner), owner);
            var n = Array.IndexOf(Owners, owner) + 1;
            CsatIds[owner] = await AddFeedbackAsync(OrgOf(owner), owner, FeedbackKind.Csat, n % 5 + 1, daysAgo: n);
            NpsIds[owner] = await AddFeedbackAsync(OrgOf(owner), owner, FeedbackKind.Nps, (3 * n) % 11, daysAgo: 2 * n);
        }
    }

    public async Task<long> AddContactAsync(long orgId, string owner, string? name = null)
    {
        await using var db = Host.Database.CreateContext(orgId);
        var contact = db.Contacts.Add(new Contact { Name = name ?? $"contact of {owner}", Email = $"{owner}@customer.example", AccountId = AccountIds[owner] }).Entity;
        await db.SaveChangesAsync();
        return contact.Id;
    }

    public async Task<long> AddFeedbackAsync(long orgId, string owner, FeedbackKind kind, int score, int daysAgo = 0)
    {
        await using var db = Host.Database.CreateContext(orgId);
        var feedback = db.CustomerFeedback.Add(new CustomerFeedback
        {
            Kind = kind, Score = score, AccountId = AccountIds[owner], DealId = DealIds.TryGetValue(owner, out var deal) ? deal : null,
            Date = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo), Comment = $"{kind} from {owner}",
        }).Entity;
        await db.SaveChangesAsync();
        return feedback.Id;
    }

    public async Task<long> VersionAsync<T>(long orgId, long id) where T : Common.TenantEntity, Common.IVersioned
    {
        await using var db = Host.Database.CreateContext(orgId);
        return await db.Set<T>().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }

    public long OrgOf(string owner) => owner == Foreign ? OtherOrgId : Host.OrgId;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await Host.DisposeAsync();
    }
}
