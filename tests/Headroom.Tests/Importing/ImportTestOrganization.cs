using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Importing;

// A fresh database with one organization ("Acme 销售", Asia/Shanghai, CNY, Chinese pipeline) and,
// on request, the base records of the Headroom fixtures imported, for the import tests.
internal sealed class ImportTestOrganization : IAsyncDisposable
{
    private ImportTestOrganization(TestDatabase database, Organization organization)
    {
        Database = database;
        Organization = organization;
    }

    public TestDatabase Database { get; }
    public Organization Organization { get; }

    public static async Task<ImportTestOrganization> CreateAsync(bool withBaseRecords = true)
    {
        var database = await TestDatabase.CreateAsync();
        var organization = await database.CreateOrganizationAsync();
        var test = new ImportTestOrganization(database, organization);
        if (withBaseRecords)
        {
            foreach (var kind in new[] { ImportKind.Teams, ImportKind.Members, ImportKind.Accounts, ImportKind.Leads, ImportKind.Deals })
            {
                var result = await test.ImportAsync(kind, $"headroom/{DataImporter.KindName(kind)}.csv");
                Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            }
        }
        return test;
    }

    public static string Fixture(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Importing", relativePath);

    public AppDbContext CreateContext() => Database.CreateContext(Organization.Id);

    public async Task<ImportResult> ImportAsync(
        ImportKind kind, string fixture, ImportPreset preset = ImportPreset.Headroom, bool dryRun = false,
        ImportEncoding encoding = ImportEncoding.Auto, LeadRouting? routing = null)
    {
        await using var db = CreateContext();
        var path = Path.IsPathRooted(fixture) ? fixture : Fixture(fixture);
        return await DataImporter.ImportAsync(db, Organization, new ImportRequest(kind, path)
        {
            Preset = preset,
            DryRun = dryRun,
            Encoding = encoding,
            Routing = routing,
        }, Database.Clock);
    }

    // Row counts of every tenant table plus the sum of versions: equal snapshots mean nothing
    // was inserted, deleted or updated.
    public async Task<string> SnapshotAsync()
    {
        await using var db = CreateContext();
        var parts = new[]
        {
            await db.Teams.CountAsync(), await db.Members.CountAsync(), await db.Accounts.CountAsync(), await db.Contacts.CountAsync(),
            await db.Leads.CountAsync(), await db.Deals.CountAsync(), await db.SalesActivities.CountAsync(), await db.FollowUps.CountAsync(),
            await db.CustomerFeedback.CountAsync(),
        };
        var versions = await db.Teams.SumAsync(t => t.Version) + await db.Members.SumAsync(m => m.Version) +
            await db.Accounts.SumAsync(a => a.Version) + await db.Deals.SumAsync(d => d.Version) +
            await db.SalesActivities.SumAsync(a => a.Version);
        return $"{string.Join(",", parts)};v={versions}";
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
