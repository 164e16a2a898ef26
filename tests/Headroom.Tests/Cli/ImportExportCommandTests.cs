using Headroom.Cli;
using Headroom.Tests.Importing;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Cli;

// Drives `headroom import` and `headroom export` as a user would, against the test database.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public class ImportExportCommandTests
{
    private static Task<(int Exit, string Out, string Error)> RunAsync(ImportTestOrganization test, params string[] args) =>
        CliRun.RunAsync(test.Database, args);

    [Fact]
    public async Task Import_GoodFile_ExitsOk_AndWrites()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var (exit, output, _) = await RunAsync(test, "import", "accounts", ImportTestOrganization.Fixture("sharecrm/客户_GB18030.csv"), "--preset", "sharecrm");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("3 created", output, StringComparison.Ordinal);
        await using var db = test.CreateContext();
        Assert.True(await db.Accounts.AnyAsync(a => a.Name == "成都天府软件园服务中心"));
    }

    [Fact]
    public async Task Import_BadFile_ExitsInvalidInput_OneLinePerError_WritesNothing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();
        var (exit, _, error) = await RunAsync(test, "import", "deals", ImportTestOrganization.Fixture("bad/deals_bad_values.csv"));
        Assert.Equal(ExitCodes.InvalidInput, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("error: deals_bad_values.csv, row 3, column Amount: ", lines[0], StringComparison.Ordinal);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task Import_WrongEncoding_ExitsInvalidInput()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var (exit, _, error) = await RunAsync(test, "import", "accounts", ImportTestOrganization.Fixture("sharecrm/客户_GB18030.csv"),
            "--preset", "sharecrm", "--encoding", "utf-8");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("客户_GB18030.csv, row 1, column A: is not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportLeads_WithRoute_RoutesNewUnownedLeads_AndSaysHowMany()
    {
        var (test, path) = await LeadImportRoutingTests.ArrangeAsync(LeadImportRoutingTests.Rows);
        await using var _ = test;
        try
        {
            var (refused, _, error) = await RunAsync(test, "import", "accounts", path, "--route");
            Assert.Equal(ExitCodes.InvalidInput, refused);
            Assert.Contains("only leads can be routed", error, StringComparison.Ordinal);

            var (exit, output, _) = await RunAsync(test, "import", "leads", path, "--route");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Routed 2 new lead(s) through assignment queues; 1 no queue took stay unassigned.", output, StringComparison.Ordinal);
            await using var db = test.CreateContext();
            Assert.Equal(2, await db.AssignmentLog.CountAsync(e => e.Source == Headroom.Assignment.AssignmentSource.Routing && e.ActorName == "cli"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_MissingFile_ExitsNotFound()
    {
        await using var test = await ImportTestOrganization.CreateAsync(withBaseRecords: false);
        var (exit, _, error) = await RunAsync(test, "import", "accounts", "/no/such/file.csv");
        Assert.Equal(ExitCodes.NotFound, exit);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnsupportedExtension_ExitsInvalidInput()
    {
        await using var test = await ImportTestOrganization.CreateAsync(withBaseRecords: false);
        var path = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "[]");
        try
        {
            Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(test, "import", "accounts", path)).Exit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_DryRun_ExitsOk_AndWritesNothing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();
        var (exit, output, _) = await RunAsync(test, "import", "activities", ImportTestOrganization.Fixture("headroom/activities.csv"), "--dry-run");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Dry run, nothing written: 5 to create, 0 to update, 0 unchanged, 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task Import_UnknownKind_IsAUsageError()
    {
        await using var test = await ImportTestOrganization.CreateAsync(withBaseRecords: false);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(test, "import", "unicorns", ImportTestOrganization.Fixture("headroom/accounts.csv"))).Exit);
    }

    [Theory]
    [InlineData("deals", "csv")]
    [InlineData("activities", "xlsx")]
    public async Task Export_ThenImport_RoundTrips(string kind, string format)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        Assert.Equal(ExitCodes.Ok, (await RunAsync(test, "import", "activities", ImportTestOrganization.Fixture("headroom/activities.csv"))).Exit);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.{format}");
        try
        {
            var export = await RunAsync(test, "export", kind, "--format", format, "--output", path);
            Assert.Equal(ExitCodes.Ok, export.Exit);
            Assert.True(File.Exists(path));
            Assert.False(File.Exists(path + ".partial"));
            var before = await test.SnapshotAsync();

            var (exit, output, _) = await RunAsync(test, "import", kind, path);

            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("0 created, 0 updated", output, StringComparison.Ordinal);
            Assert.Equal(before, await test.SnapshotAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
