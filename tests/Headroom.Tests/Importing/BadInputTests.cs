using Headroom.Accounts;
using Headroom.Importing;

namespace Headroom.Tests.Importing;

// Every kind of bad input names file, row and column, and leaves the database exactly as it was.
[Trait("Category", "Integration")]
public class BadInputTests
{
    [Theory]
    [InlineData(ImportKind.Accounts, "bad/accounts_missing_name.csv", 1, "Name", "required column is missing")]
    [InlineData(ImportKind.Accounts, "bad/accounts_unknown_column.csv", 1, "Shoe Size", "unknown column")]
    [InlineData(ImportKind.Accounts, "bad/accounts_bad_enum.csv", 2, "Tier", "'Z' is not one of A, B, C, D")]
    [InlineData(ImportKind.Accounts, "bad/accounts_duplicate_ids.csv", 4, "ExternalId", "duplicate external id 'A-77' (also on row 2)")]
    [InlineData(ImportKind.Accounts, "bad/accounts_unknown_owner.csv", 2, "Owner", "no member 'nobody@acme.cn' exists")]
    [InlineData(ImportKind.Deals, "bad/deals_bad_values.csv", 3, "Amount", "more than 2 decimal place(s)")]
    [InlineData(ImportKind.Deals, "bad/deals_bad_values.csv", 4, "ExpectedCloseDate", "'2026-13-45' is not a date")]
    [InlineData(ImportKind.Deals, "bad/deals_bad_values.csv", 5, "Stage", "'Somewhere' is not a stage")]
    [InlineData(ImportKind.Deals, "bad/deals_bad_values.csv", 6, "Amount", "'twelve' is not an amount of money")]
    [InlineData(ImportKind.Activities, "bad/activities_bad_rows.csv", 3, "Type", "'Telepathy' is not one of")]
    [InlineData(ImportKind.Activities, "bad/activities_bad_rows.csv", 4, "Member", "no member 'ghost@acme.cn' exists")]
    [InlineData(ImportKind.Activities, "bad/activities_bad_rows.csv", 5, "Start", "'yesterday' is not a date and time")]
    [InlineData(ImportKind.Activities, "bad/activities_bad_rows.csv", 6, "ExternalId", "duplicate external id 'X-1' (also on row 2)")]
    [InlineData(ImportKind.Activities, "bad/activities_bad_rows.csv", 7, "DurationMinutes", "'-5' is not a whole number")]
    [InlineData(ImportKind.Activities, "bad/activities_duplicate_natural_key.csv", 4, "Start", "same member, start, type and account as row 2")]
    [InlineData(ImportKind.Activities, "bad/activities_duplicate_natural_key.csv", 5, "Start", "same member, start, type and account as row 2")]
    public async Task BadFile_NamesFileRowAndColumn_AndWritesNothing(ImportKind kind, string file, int row, string column, string message)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();

        var result = await test.ImportAsync(kind, file);

        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        var error = Assert.Single(result.Errors, e => e.Row == row && e.Column == column);
        Assert.Equal(Path.GetFileName(file), error.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Path.GetFileName(file)}, row {row}, column {column}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task WrongEncoding_NamesRowAndColumn_AndWritesNothing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();

        var result = await test.ImportAsync(ImportKind.Accounts, "sharecrm/客户_GB18030.csv", ImportPreset.ShareCrm, encoding: ImportEncoding.Utf8);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("客户_GB18030.csv", 1, "A"), (error.File, error.Row, error.Column));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task ChineseHeaders_WithWrongPreset_AreUnknownColumns()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var result = await test.ImportAsync(ImportKind.Accounts, "sharecrm/客户_UTF8_BOM.csv", ImportPreset.Zoho);
        Assert.Contains(result.Errors, e => e is { Row: 1, Column: "客户名称" });
        Assert.Contains(result.Errors, e => e is { Row: 1, Column: "Account Name" } && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReferenceToAnotherOrganizationsRecord_ReadsAsMissing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var globex = await test.Database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using (var other = test.Database.CreateContext(globex.Id))
        {
            other.Accounts.Add(new Account { Name = "Globex Account", ExternalId = "G-1" });
            await other.SaveChangesAsync();
        }
        var before = await test.SnapshotAsync();

        var result = await test.ImportAsync(ImportKind.Deals, "bad/deals_foreign_account.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Account"), (error.Row, error.Column));
        Assert.Contains("no account 'G-1' exists in Acme 销售", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task OneBadRowAmongGoodOnes_WritesNoneOfThem()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();
        var result = await test.ImportAsync(ImportKind.Deals, "bad/deals_bad_values.csv");
        Assert.Equal(1, result.Created);
        Assert.Equal(4, result.Rejected);
        Assert.Equal(4, result.ErrorCount);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task ErrorList_IsCappedButCountsEverything()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"many-bad-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "ExternalId,Type,Member,Start" };
        lines.AddRange(Enumerable.Range(1, 250).Select(i => $"B-{i},Call,nobody@acme.cn,2026-11-02 09:30"));
        await File.WriteAllLinesAsync(path, lines);
        try
        {
            var result = await test.ImportAsync(ImportKind.Activities, path);
            Assert.Equal(100, result.Errors.Count);
            Assert.Equal(250, result.ErrorCount);
            Assert.Equal(250, result.Rejected);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
