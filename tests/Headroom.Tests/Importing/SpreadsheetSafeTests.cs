using Headroom.Importing;

namespace Headroom.Tests.Importing;

public class SpreadsheetSafeTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("上海", "上海")]
    [InlineData("a=b", "a=b")]
    public void Escape_PrefixesFormulaStarts_AndUnescapeRestores(string text, string escaped)
    {
        Assert.Equal(escaped, SpreadsheetSafe.Escape(text));
        Assert.Equal(text, SpreadsheetSafe.Unescape(escaped));
    }
}
