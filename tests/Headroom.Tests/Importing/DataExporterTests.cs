using System.Text;
using Headroom.Accounts;
using Headroom.Importing;
using MiniExcelLibs;

namespace Headroom.Tests.Importing;

[Trait("Category", "Integration")]
public class DataExporterTests
{
    private static async Task<string> ExportAsync(ImportTestOrganization test, ImportKind kind, ExportFormat format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.{format.ToString().ToLowerInvariant()}");
        await using var db = test.CreateContext();
        await using var stream = File.Create(path);
        await DataExporter.ExportAsync(db, test.Organization, kind, format, stream);
        return path;
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task Export_ThenImport_RoundTripsEveryKindUnchanged(ExportFormat format)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        foreach (var kind in new[] { ImportKind.Contacts, ImportKind.Activities, ImportKind.FollowUps, ImportKind.Feedback })
        {
            Assert.True((await test.ImportAsync(kind, $"headroom/{DataImporter.KindName(kind)}.csv")).Succeeded);
        }
        var before = await test.SnapshotAsync();
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var path = await ExportAsync(test, kind, format);
            try
            {
                var result = await test.ImportAsync(kind, path);
                Assert.True(result.Succeeded, $"{kind}: {string.Join("\n", result.Errors)}");
                Assert.Equal((kind, 0L, 0L), (kind, result.Created, result.Updated));
                Assert.True(result.Unchanged > 0);
            }
            finally
            {
                File.Delete(path);
            }
        }
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task Csv_HasBom_HeadroomHeaders_AndChineseText()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = await ExportAsync(test, ImportKind.Accounts, ExportFormat.Csv);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            Assert.Equal("ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status", lines[0]);
            Assert.Equal("A-1001,上海宏达贸易有限公司,A,批发零售,上海,华东,li.lei@acme.cn,Active", lines[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task FormulaLikeText_IsEscaped_AndImportsBackUnchanged(ExportFormat format)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        Assert.True((await test.ImportAsync(ImportKind.Accounts, "bad/formula.csv")).Succeeded);
        var path = await ExportAsync(test, ImportKind.Accounts, format);
        try
        {
            var cells = format == ExportFormat.Csv
                ? (await File.ReadAllTextAsync(path)).Split("\r\n").Single(l => l.StartsWith("A-66", StringComparison.Ordinal))
                : string.Join(",", MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>()
                    .Single(r => (string?)r["ExternalId"] == "A-66").Values);
            Assert.Contains("'=HYPERLINK(", cells, StringComparison.Ordinal);
            Assert.Contains("'@SUM(1+1)", cells, StringComparison.Ordinal);

            var result = await test.ImportAsync(ImportKind.Accounts, path);
            Assert.Equal((0L, 0L), (result.Created, result.Updated));
            await using var db = test.CreateContext();
            Assert.Equal("@SUM(1+1)", db.Accounts.Single(a => a.ExternalId == "A-66").Industry);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Export_ContainsOnlyTheChosenOrganization()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var globex = await test.Database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using (var other = test.Database.CreateContext(globex.Id))
        {
            other.Accounts.Add(new Account { Name = "Globex Secret Account" });
            await other.SaveChangesAsync();
        }
        var path = await ExportAsync(test, ImportKind.Accounts, ExportFormat.Csv);
        try
        {
            var text = await File.ReadAllTextAsync(path);
            Assert.DoesNotContain("Globex Secret Account", text, StringComparison.Ordinal);
            Assert.Contains("上海宏达贸易有限公司", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
