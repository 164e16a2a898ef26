using Headroom.Importing;

namespace Headroom.Tests.Importing;

public class ValueParserTests
{
    [Theory]
    [InlineData("12,500.50", "CNY", 1250050)]
    [InlineData("12500.5", "CNY", 1250050)]
    [InlineData("¥1,000", "CNY", 100000)]
    [InlineData("￥ 88.08", "CNY", 8808)]
    [InlineData("CNY 3", "CNY", 300)]
    [InlineData("98000元", "CNY", 9800000)]
    [InlineData("-0.01", "USD", -1)]
    [InlineData("(5.00)", "USD", -500)]
    [InlineData("1,234", "JPY", 1234)]
    [InlineData("1.234", "KWD", 1234)]
    [InlineData("92233720368547758.07", "CNY", long.MaxValue)]
    public void ParseMoney_ExactMinorUnits(string text, string currency, long expected)
    {
        Assert.Equal(expected, ValueParser.ParseMoney(text, currency, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("12,500.505", "CNY", "more than 2 decimal")]
    [InlineData("1.5", "JPY", "more than 0 decimal")]
    [InlineData("twelve", "CNY", "not an amount")]
    [InlineData("1.2.3", "CNY", "not an amount")]
    [InlineData("", "CNY", "not an amount")]
    [InlineData("1e5", "CNY", "not an amount")]
    [InlineData("92233720368547758.08", "CNY", "too large")]
    public void ParseMoney_Rejects(string text, string currency, string reason)
    {
        Assert.Null(ValueParser.ParseMoney(text, currency, out var problem));
        Assert.Contains(reason, problem?.ToString());
    }

    [Theory]
    [InlineData(1250050, "CNY", "12500.50")]
    [InlineData(-1, "USD", "-0.01")]
    [InlineData(1234, "JPY", "1234")]
    [InlineData(1234, "KWD", "1.234")]
    public void FormatMoney_RoundTrips(long minor, string currency, string text)
    {
        Assert.Equal(text, ValueParser.FormatMoney(minor, currency));
        Assert.Equal(minor, ValueParser.ParseMoney(text, currency, out _));
    }

    [Theory]
    [InlineData("2026-11-02")]
    [InlineData("2026/11/2")]
    [InlineData("2026.11.02")]
    [InlineData("20261102")]
    [InlineData("2026年11月2日")]
    [InlineData("11/2/2026")]
    [InlineData("Nov 2, 2026")]
    [InlineData("2026-11-02 09:30")]
    [InlineData(46328.0)]
    public void TryParseDate_CommonFormats(object value)
    {
        Assert.True(ValueParser.TryParseDate(value, out var date));
        Assert.Equal(new DateOnly(2026, 11, 2), date);
    }

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("yesterday")]
    [InlineData("31/12/2026")]
    public void TryParseDate_Rejects(string text)
    {
        Assert.False(ValueParser.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("2026-11-02 09:30", false)]
    [InlineData("2026/11/2 9:30:00", false)]
    [InlineData("2026-11-02T09:30:00", false)]
    [InlineData("11/2/2026 9:30 AM", false)]
    [InlineData("2026年11月2日 09:30", false)]
    [InlineData("2026-11-02T09:30:00Z", true)]
    public void TryParseDateTime_CommonFormats(string text, bool utc)
    {
        Assert.True(ValueParser.TryParseDateTime(text, out var value, out var isUtc));
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0), DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
        Assert.Equal(utc, isUtc);
    }

    [Fact]
    public void TryParseDateTime_Offset_IsConvertedToUtc()
    {
        Assert.True(ValueParser.TryParseDateTime("2026-11-02T17:30:00+08:00", out var value, out var isUtc));
        Assert.True(isUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 30, 0), DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
    }
}
