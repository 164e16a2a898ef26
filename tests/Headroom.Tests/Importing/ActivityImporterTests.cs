using System.Globalization;
using System.Text;
using Headroom.Activities;
using Headroom.Importing;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Importing;

[Trait("Category", "Integration")]
public class ActivityImporterTests
{
    private static async Task<string> WriteFileAsync(int rows, Func<int, string?>? notes = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"activities-{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("ExternalId,Type,Member,Account,Start,DurationMinutes,Outcome,Notes\n");
        string[] members = ["li.lei@acme.cn", "赵强", "U-3", "wang.fang@acme.cn"];
        string[] types = ["Call", "电话", "拜访", "Meeting", "邮件", "Demo"];
        var start = new DateTime(2026, 1, 1, 8, 0, 0);
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"S-{i},{types[i % types.Length]},{members[i % members.Length]},A-100{1 + (i % 3)},{start.AddMinutes(17 * i):yyyy-MM-dd HH:mm},{i % 90},Completed,{notes?.Invoke(i) ?? $"第 {i} 次跟进"}\n");
        }
        await File.WriteAllTextAsync(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task ManyRows_StreamIn_ThenReimportChangesNothing()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = await WriteFileAsync(20_000);
        try
        {
            var progress = new List<ImportProgress>();
            ImportResult first;
            await using (var db = test.CreateContext())
            {
                first = await DataImporter.ImportAsync(db, test.Organization,
                    new ImportRequest(ImportKind.Activities, path) { Progress = new SyncProgress(progress.Add) }, test.Database.Clock);
            }
            Assert.True(first.Succeeded, string.Join("\n", first.Errors));
            Assert.Equal(20_000, first.Created);
            Assert.NotEmpty(progress);
            Assert.Equal(progress[^1].Total, progress[^1].Done);

            await using (var db = test.CreateContext())
            {
                Assert.Equal(20_000, await db.SalesActivities.CountAsync());
                var last = await db.SalesActivities.SingleAsync(a => a.ExternalId == "S-19999");
                Assert.Equal("第 19999 次跟进", last.Notes);
                Assert.Equal(test.Organization.Id, last.OrgId);
                Assert.Equal(test.Database.Clock.GetUtcNow().UtcDateTime, last.CreatedUtc);
            }

            var before = await test.SnapshotAsync();
            var second = await test.ImportAsync(ImportKind.Activities, path);
            Assert.Equal((0, 0, 20_000), (second.Created, second.Updated, second.Unchanged));
            Assert.Equal(before, await test.SnapshotAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ChangedRows_AreUpdated_NewRowsInserted()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var original = await WriteFileAsync(50);
        var changed = await WriteFileAsync(60, i => i == 7 ? "改过的备注" : null);
        try
        {
            Assert.True((await test.ImportAsync(ImportKind.Activities, original)).Succeeded);
            var result = await test.ImportAsync(ImportKind.Activities, changed);
            Assert.Equal((10, 1, 49), (result.Created, result.Updated, result.Unchanged));

            await using var db = test.CreateContext();
            var updated = await db.SalesActivities.SingleAsync(a => a.ExternalId == "S-7");
            Assert.Equal(("改过的备注", 1L), (updated.Notes, updated.Version));
            Assert.Equal(60, await db.SalesActivities.CountAsync());
            Assert.Equal(0, await db.SalesActivities.CountAsync(a => a.ExternalId != "S-7" && a.Version != 0));
        }
        finally
        {
            File.Delete(original);
            File.Delete(changed);
        }
    }

    [Fact]
    public async Task RowsWithoutExternalId_MatchOnMemberStartTypeAndAccount()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"activities-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "Type,Member,Account,Start,DurationMinutes\nCall,li.lei@acme.cn,A-1001,2026-11-02 09:30,15\nVisit,赵强,,2026-11-02 09:30,60\n");
        try
        {
            Assert.Equal(2, (await test.ImportAsync(ImportKind.Activities, path)).Created);
            await File.WriteAllTextAsync(path, "Type,Member,Account,Start,DurationMinutes\nCall,li.lei@acme.cn,A-1001,2026-11-02 09:30,20\nVisit,赵强,,2026-11-02 09:30,60\n");
            var again = await test.ImportAsync(ImportKind.Activities, path);
            Assert.Equal((0, 1, 1), (again.Created, again.Updated, again.Unchanged));
            await using var db = test.CreateContext();
            Assert.Equal(20, (await db.SalesActivities.SingleAsync(a => a.Type == ActivityType.Call)).DurationMinutes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BadRowAfterThousandsStreamed_RollsEverythingBack()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = await WriteFileAsync(30_000);
        await File.AppendAllTextAsync(path, "S-last,Call,li.lei@acme.cn,A-1001,2026-02-30 10:00,5,Completed,\n");
        try
        {
            var before = await test.SnapshotAsync();
            var result = await test.ImportAsync(ImportKind.Activities, path);
            var error = Assert.Single(result.Errors);
            Assert.Equal((30_002, "Start"), (error.Row, error.Column));
            Assert.False(result.Written);
            Assert.Equal(before, await test.SnapshotAsync());
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A tiny key budget forces the work into several passes by key hash; the outcome must be the
    // same as in one pass: every row once, changes found, each error reported once.
    [Fact]
    public async Task SmallKeyBudget_SplitsIntoPasses_WithTheSameOutcome()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var original = await WriteFileAsync(6_000);
        var changed = await WriteFileAsync(7_000, i => i == 4_321 ? "改过的备注" : null);
        var bad = await WriteFileAsync(5_000);
        var lines = (await File.ReadAllLinesAsync(bad)).ToList();
        lines[4_001] = lines[11].Replace("第 10 次跟进", "repeat", StringComparison.Ordinal);
        lines[3_001] = lines[3_001].Replace(",Completed,", ",Maybe,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bad, lines);
        try
        {
            var progress = new List<ImportProgress>();
            async Task<ImportResult> Import(string path)
            {
                progress.Clear();
                await using var db = test.CreateContext();
                return await DataImporter.ImportAsync(db, test.Organization,
                    new ImportRequest(ImportKind.Activities, path) { KeysPerPass = 1_500, Progress = new SyncProgress(progress.Add) }, test.Database.Clock);
            }

            var first = await Import(original);
            Assert.True(first.Succeeded, string.Join("\n", first.Errors));
            Assert.Equal(6_000, first.Created);
            Assert.Equal(progress[^1].Total, progress[^1].Done);
            Assert.True(progress[^1].Total >= 4 * new FileInfo(original).Length, "expected several passes over the file");

            var second = await Import(changed);
            Assert.Equal((1_000, 1, 5_999), (second.Created, second.Updated, second.Unchanged));
            await using (var db = test.CreateContext())
            {
                Assert.Equal(7_000, await db.SalesActivities.CountAsync());
                Assert.Equal(7_000, await db.SalesActivities.Select(a => a.ExternalId).Distinct().CountAsync());
                Assert.Equal("改过的备注", (await db.SalesActivities.SingleAsync(a => a.ExternalId == "S-4321")).Notes);
            }

            var before = await test.SnapshotAsync();
            var rejected = await Import(bad);
            Assert.False(rejected.Written);
            Assert.Equal(
                [(3_002, "Outcome"), (4_002, "ExternalId")],
                rejected.Errors.Select(e => (e.Row, e.Column)).OrderBy(e => e.Row).ToArray());
            Assert.Contains("also on row 12", rejected.Errors.Single(e => e.Row == 4_002).Message, StringComparison.Ordinal);
            Assert.Equal(before, await test.SnapshotAsync());
        }
        finally
        {
            File.Delete(original);
            File.Delete(changed);
            File.Delete(bad);
        }
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
