using System.Globalization;
using System.Text.RegularExpressions;
using Headroom.Importing;

namespace Headroom.Tests.Importing;

public partial class ImportMessageTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void EveryProblemAndNoun_HasEnglishAndChineseWords_WithTheSamePlaceholders()
    {
        var resources = new System.Resources.ResourceManager("Headroom.Importing.ImportMessages", typeof(ImportMessage).Assembly);
        var keys = Enum.GetNames<ImportProblem>().Concat(Enum.GetNames<ImportNoun>().Select(n => $"Noun.{n}"));
        foreach (var key in keys)
        {
            var english = resources.GetString(key, CultureInfo.InvariantCulture);
            var chinese = resources.GetString(key, Chinese);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.False(string.IsNullOrWhiteSpace(chinese), key);
            Assert.NotEqual(english, chinese);
            Assert.Equal(Placeholders(english!), Placeholders(chinese!));
        }
    }

    [Fact]
    public void NounsAndValues_AreWordedInTheCulture()
    {
        var message = ImportMessage.Of(ImportProblem.DuplicateKey, ImportNoun.Account, "上海贸易", 7);
        Assert.Equal("duplicate account '上海贸易' (also on row 7); give the rows external ids to import both", message.ToString());
        Assert.Equal("客户“上海贸易”重复（第 7 行也有）；如需两条都导入，请为这些行填写外部 ID", message.Format(Chinese));
        Assert.Equal("'1234.5' is not a number from 0 to 99.5", ImportMessage.Of(ImportProblem.NotNumber, "1234.5", 0d, 99.5).ToString());
    }

    private static string[] Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
