using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Tests;

// A test database with one organization and the real Headroom services (Identity included) on it.
public sealed class IdentitySetup : IAsyncDisposable
{
    private IdentitySetup(TestDatabase database, ServiceProvider services, long orgId)
    {
        Database = database;
        Services = services;
        OrgId = orgId;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public long OrgId { get; }

    public static async Task<IdentitySetup> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = database.Options.Provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddHeadroom(configuration).BuildServiceProvider();
        return new IdentitySetup(database, services, org.Id);
    }

    public async Task<IdentityResult> CreateUserAsync(string email, string password, MemberRole role = MemberRole.Rep, long? teamId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tenant.Enter(OrgId);
        var member = db.Members.Add(new Member { Name = email.Split('@')[0], Email = email, Role = role, TeamId = teamId }).Entity;
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(AppUsers.For(member, OrgId, email), password);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
