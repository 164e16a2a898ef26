using Headroom.Data;
using Headroom.Demo;

namespace Headroom.Tests.Demo;

// One small Chinese demo organization, seeded once and shared by the read-only believability
// tests. Today is fixed, so the history covers 2025-11 to 2026-11 with China's holidays.
public sealed class DemoFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 2);

    // Small enough to seed in a second or two, large enough for rates to mean something.
    public static readonly DemoScale TinyScale = new(Reps: 10, ActivitiesPerWorkday: 4, AccountsPerRep: 12, LeadsPerRep: 6, DealsPerRep: 36);

    public TestDatabase Database { get; private set; } = null!;
    public DemoProfile Profile { get; private set; } = null!;

    public static DemoOptions Options(int seed = 7, string locale = DemoOptions.Chinese) => new()
    {
        Today = Today,
        Seed = seed,
        Locale = locale,
        Scale = TinyScale,
    };

    public AppDbContext CreateContext() => Database.CreateContext(Profile.OrgId);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await using var db = Database.CreateContext();
        Profile = await DemoSeeder.SeedAsync(db, Options(), Database.Clock);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
