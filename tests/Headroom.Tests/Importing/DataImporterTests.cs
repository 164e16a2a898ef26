using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Importing;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Importing;

[Trait("Category", "Integration")]
public class DataImporterTests
{
    [Fact]
    public async Task HeadroomFiles_ImportEveryKind_WithReferencesResolved()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        foreach (var kind in new[] { ImportKind.Contacts, ImportKind.Activities, ImportKind.FollowUps, ImportKind.Feedback })
        {
            var result = await test.ImportAsync(kind, $"headroom/{DataImporter.KindName(kind)}.csv");
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }

        await using var db = test.CreateContext();
        var shanghai = await db.Teams.SingleAsync(t => t.Name == "上海一组");
        var east = await db.Teams.SingleAsync(t => t.Name == "华东大区");
        Assert.Equal(east.Id, shanghai.ParentTeamId);
        var zhao = await db.Members.SingleAsync(m => m.ExternalId == "U-4");
        Assert.Equal(MemberRole.Rep, zhao.Role);
        Assert.True(zhao.Active);
        var emily = await db.Members.SingleAsync(m => m.Email == "emily.chen@acme.cn");
        Assert.Equal(["en", "zh"], emily.Languages);
        Assert.Equal(32, emily.WeeklyCapacityHours);

        var ningbo = await db.Accounts.SingleAsync(a => a.Name == "宁波港联物流");
        Assert.Null(ningbo.ExternalId);
        Assert.Equal(AccountTier.B, ningbo.Tier);
        Assert.Equal(emily.Id, ningbo.OwnerId);

        var erp = await db.Deals.SingleAsync(d => d.ExternalId == "D-1");
        Assert.Equal(1250050, erp.AmountMinor);
        Assert.Equal(new DateOnly(2026, 12, 15), erp.ExpectedCloseDate);
        Assert.Equal("方案报价", (await db.PipelineStages.SingleAsync(s => s.Id == erp.StageId)).Name);
        var won = await db.Deals.SingleAsync(d => d.ExternalId == "D-2");
        Assert.Equal(DealOutcome.Won, won.Outcome);
        Assert.Equal(new DateTime(2026, 11, 20, 8, 30, 0), won.ClosedUtc);

        // 2026-11-03 14:00 in Shanghai is 06:00 UTC.
        var visit = await db.SalesActivities.SingleAsync(a => a.ExternalId == "ACT-2");
        Assert.Equal(ActivityType.Visit, visit.Type);
        Assert.Equal(new DateTime(2026, 11, 3, 6, 0, 0), visit.StartUtc);
        Assert.Equal(zhao.Id, visit.MemberId);
        Assert.Equal(ActivityOutcome.NoAnswer, (await db.SalesActivities.SingleAsync(a => a.ExternalId == "ACT-4")).Outcome);
        Assert.Equal(FeedbackKind.Csat, (await db.CustomerFeedback.SingleAsync(f => f.ExternalId == "FB-3")).Kind);
        Assert.Equal(0.5, (await db.FollowUps.SingleAsync(f => f.ExternalId == "F-2")).EffortHours);
    }

    [Fact]
    public async Task Zoho_AccountsAndDeals()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var accounts = await test.ImportAsync(ImportKind.Accounts, "zoho/Accounts_2026_11_28.csv", ImportPreset.Zoho);
        Assert.True(accounts.Succeeded, string.Join("\n", accounts.Errors));
        var deals = await test.ImportAsync(ImportKind.Deals, "zoho/Deals_2026_11_28.csv", ImportPreset.Zoho);
        Assert.True(deals.Succeeded, string.Join("\n", deals.Errors));
        Assert.Equal(3, deals.Created);

        await using var db = test.CreateContext();
        var northwind = await db.Accounts.SingleAsync(a => a.ExternalId == "zcrm_4876000000123003");
        Assert.Equal(AccountTier.C, northwind.Tier);
        Assert.Equal(AccountStatus.Active, northwind.Status);
        var blueRiver = await db.Deals.SingleAsync(d => d.ExternalId == "zcrm_4876000000200002");
        Assert.Equal(8800050, blueRiver.AmountMinor);
        Assert.Equal("资格确认", (await db.PipelineStages.SingleAsync(s => s.Id == blueRiver.StageId)).Name);
        Assert.Equal((await db.Members.SingleAsync(m => m.Name == "David Li")).Id, blueRiver.OwnerId);
        Assert.Equal(DealOutcome.Won, (await db.Deals.SingleAsync(d => d.ExternalId == "zcrm_4876000000200003")).Outcome);
    }

    [Fact]
    public async Task Salesforce_AccountsAndOpportunities()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        Assert.True((await test.ImportAsync(ImportKind.Accounts, "salesforce/Accounts.csv", ImportPreset.Salesforce)).Succeeded);
        var deals = await test.ImportAsync(ImportKind.Deals, "salesforce/Opportunities.csv", ImportPreset.Salesforce);
        Assert.True(deals.Succeeded, string.Join("\n", deals.Errors));

        await using var db = test.CreateContext();
        Assert.Equal(AccountTier.A, (await db.Accounts.SingleAsync(a => a.Name == "Initech China")).Tier);
        var platform = await db.Deals.SingleAsync(d => d.ExternalId == "0065g00000XyZaAAA");
        Assert.Equal(120000000, platform.AmountMinor);
        Assert.Equal(new DateOnly(2026, 12, 31), platform.ExpectedCloseDate);
        Assert.Equal("商务谈判", (await db.PipelineStages.SingleAsync(s => s.Id == platform.StageId)).Name);
        var support = await db.Deals.SingleAsync(d => d.ExternalId == "0065g00000XyZcAAA");
        Assert.Equal(840025, support.AmountMinor);
        Assert.Equal(DealOutcome.Lost, support.Outcome);
    }

    [Theory]
    [InlineData("sharecrm/客户_GB18030.csv", "gb18030")]
    [InlineData("sharecrm/客户_UTF8_BOM.csv", "utf-8")]
    public async Task ShareCrm_Accounts_InEitherEncoding(string file, string encoding)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var result = await test.ImportAsync(ImportKind.Accounts, file, ImportPreset.ShareCrm);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(encoding, result.EncodingName);
        Assert.Equal(3, result.Created);

        await using var db = test.CreateContext();
        var qianhai = await db.Accounts.SingleAsync(a => a.ExternalId == "KH-2026-0001");
        Assert.Equal("深圳前海微链科技有限公司", qianhai.Name);
        Assert.Equal(AccountTier.A, qianhai.Tier);
        Assert.Equal("互联网", qianhai.Industry);
        Assert.Equal((await db.Members.SingleAsync(m => m.Name == "王芳")).Id, qianhai.OwnerId);
        Assert.Equal(AccountStatus.Prospect, (await db.Accounts.SingleAsync(a => a.ExternalId == "KH-2026-0002")).Status);
    }

    [Fact]
    public async Task ShareCrm_DealsCsvAndXlsx_AndActivitiesInGb18030()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        Assert.True((await test.ImportAsync(ImportKind.Accounts, "sharecrm/客户_GB18030.csv", ImportPreset.ShareCrm)).Succeeded);
        var csv = await test.ImportAsync(ImportKind.Deals, "sharecrm/商机_UTF8_BOM.csv", ImportPreset.ShareCrm);
        Assert.True(csv.Succeeded, string.Join("\n", csv.Errors));
        Assert.Equal(3, csv.Created);

        // The workbook has the same deals with Excel numbers and dates; one amount differs.
        var xlsx = await test.ImportAsync(ImportKind.Deals, "sharecrm/商机.xlsx", ImportPreset.ShareCrm);
        Assert.True(xlsx.Succeeded, string.Join("\n", xlsx.Errors));
        Assert.Equal((0, 1, 2), (xlsx.Created, xlsx.Updated, xlsx.Unchanged));

        var activities = await test.ImportAsync(ImportKind.Activities, "sharecrm/跟进记录_GB18030.csv", ImportPreset.ShareCrm);
        Assert.True(activities.Succeeded, string.Join("\n", activities.Errors));

        await using var db = test.CreateContext();
        var baiyun = await db.Deals.SingleAsync(d => d.ExternalId == "SJ-0002");
        Assert.Equal(5600050, baiyun.AmountMinor);
        Assert.Equal(new DateOnly(2027, 1, 20), baiyun.ExpectedCloseDate);
        Assert.Equal("资格确认", (await db.PipelineStages.SingleAsync(s => s.Id == baiyun.StageId)).Name);
        Assert.Equal(DealOutcome.Lost, (await db.Deals.SingleAsync(d => d.ExternalId == "SJ-0003")).Outcome);
        var wechat = await db.SalesActivities.SingleAsync(a => a.ExternalId == "GJ-0003");
        Assert.Equal(ActivityType.Message, wechat.Type);
        Assert.Equal(new DateTime(2026, 11, 4, 12, 15, 0), wechat.StartUtc);
        Assert.Equal("晚间沟通续约", wechat.Notes);
        Assert.Equal((await db.Deals.SingleAsync(d => d.ExternalId == "SJ-0003")).Id, wechat.DealId);
    }

    [Theory]
    [InlineData(ImportKind.Teams)]
    [InlineData(ImportKind.Members)]
    [InlineData(ImportKind.Accounts)]
    [InlineData(ImportKind.Contacts)]
    [InlineData(ImportKind.Leads)]
    [InlineData(ImportKind.Deals)]
    [InlineData(ImportKind.Activities)]
    [InlineData(ImportKind.FollowUps)]
    [InlineData(ImportKind.Feedback)]
    public async Task ImportTwice_SecondRunChangesNothing(ImportKind kind)
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var file = $"headroom/{DataImporter.KindName(kind)}.csv";
        await test.ImportAsync(kind, file);
        var before = await test.SnapshotAsync();

        var again = await test.ImportAsync(kind, file);

        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Updated);
        Assert.True(again.Unchanged > 0);
        Assert.False(again.Written);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task DryRun_ReportsCounts_AndWritesNothing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var before = await test.SnapshotAsync();

        var activities = await test.ImportAsync(ImportKind.Activities, "headroom/activities.csv", dryRun: true);
        var accounts = await test.ImportAsync(ImportKind.Accounts, "zoho/Accounts_2026_11_28.csv", ImportPreset.Zoho, dryRun: true);

        Assert.True(activities.Succeeded);
        Assert.Equal(5, activities.Created);
        Assert.Equal(3, accounts.Created);
        Assert.False(activities.Written || accounts.Written);
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task DryRun_ListsRejectedRowsWithReasons()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var result = await test.ImportAsync(ImportKind.Activities, "bad/activities_bad_rows.csv", dryRun: true);
        Assert.Equal(1, result.Created);
        Assert.Equal(5, result.Rejected);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Row));
    }

    [Fact]
    public async Task ChangedRow_IsUpdated_InPlace()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var changed = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.csv");
        var text = await File.ReadAllTextAsync(ImportTestOrganization.Fixture("headroom/accounts.csv"));
        await File.WriteAllTextAsync(changed, text.Replace("A-1002,杭州云帆科技,B", "A-1002,杭州云帆科技股份,A", StringComparison.Ordinal));
        try
        {
            var result = await test.ImportAsync(ImportKind.Accounts, changed);
            Assert.Equal((0, 1, 3), (result.Created, result.Updated, result.Unchanged));
            await using var db = test.CreateContext();
            var account = await db.Accounts.SingleAsync(a => a.ExternalId == "A-1002");
            Assert.Equal(("杭州云帆科技股份", AccountTier.A, 1L), (account.Name, account.Tier, account.Version));
        }
        finally
        {
            File.Delete(changed);
        }
    }
}
