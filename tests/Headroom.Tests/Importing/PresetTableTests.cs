using Headroom.Importing;

namespace Headroom.Tests.Importing;

public class PresetTableTests
{
    [Theory]
    [InlineData("\uFEFFAccount Name", "account name")]
    [InlineData("  ACCOUNT   NAME ", "account name")]
    [InlineData("Call Duration （in minutes）", "call duration (in minutes)")]
    [InlineData("时长（分钟）", "时长(分钟)")]
    public void Normalize_ToleratesCaseSpacesBomAndFullWidth(string header, string expected)
    {
        Assert.Equal(expected, PresetTable.Normalize(header));
    }

    [Fact]
    public void Map_ShareCrmChineseHeaders()
    {
        var errors = new ImportErrors("商机.csv", 100);
        var map = PresetTable.Map(ImportKind.Deals, ImportPreset.ShareCrm,
            ["商机名称", " 客户名称", "负责人", "商机金额", "销售阶段", "预计成交日期", "创建时间"], errors);
        Assert.Equal(0, errors.Count);
        Assert.Equal(0, map.IndexOf("Name"));
        Assert.Equal(1, map.IndexOf("Account"));
        Assert.Equal(3, map.IndexOf("Amount"));
        Assert.Equal(5, map.IndexOf("ExpectedCloseDate"));
        Assert.False(map.Has("ExternalId"));
    }

    [Fact]
    public void Map_ReportsUnknownDuplicateAndMissingColumns()
    {
        var errors = new ImportErrors("deals.csv", 100);
        PresetTable.Map(ImportKind.Deals, ImportPreset.Headroom, ["Name", "name", "Colour", "Stage"], errors);
        Assert.Contains(errors.Listed, e => e is { Row: 1, Column: "name" } && e.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(errors.Listed, e => e is { Row: 1, Column: "Colour" } && e.Message.Contains("unknown column", StringComparison.Ordinal));
        Assert.Contains(errors.Listed, e => e is { Row: 1, Column: "Account" } && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryKind_HasHeadroomHeaders_ForEveryField()
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var headers = PresetTable.HeadroomHeaders(kind);
            Assert.Contains("ExternalId", headers);
            var errors = new ImportErrors("x.csv", 100);
            PresetTable.Map(kind, ImportPreset.Headroom, headers, errors);
            Assert.Equal(0, errors.Count);
        }
    }
}
