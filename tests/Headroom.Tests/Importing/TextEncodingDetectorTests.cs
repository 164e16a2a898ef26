using System.Text;
using Headroom.Importing;

namespace Headroom.Tests.Importing;

public class TextEncodingDetectorTests
{
    [Fact]
    public void FindInvalidUtf8_Utf8WithBom_IsValid()
    {
        using var stream = File.OpenRead(ImportTestOrganization.Fixture("sharecrm/客户_UTF8_BOM.csv"));
        Assert.Equal(-1, TextEncodingDetector.FindInvalidUtf8(stream));
    }

    [Fact]
    public void FindInvalidUtf8_Gb18030_IsInvalid_AndDecodesAsGb18030()
    {
        var path = ImportTestOrganization.Fixture("sharecrm/客户_GB18030.csv");
        using (var stream = File.OpenRead(path))
        {
            Assert.Equal(0, TextEncodingDetector.FindInvalidUtf8(stream));
        }
        var text = TextEncodingDetector.Gb18030.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("客户名称,客户编号,负责人", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FindInvalidUtf8_SequenceSplitAcrossBuffers_IsValid()
    {
        // "汉" is three bytes; put one across the 1 MiB read boundary.
        var bytes = new byte[(1 << 20) + 10];
        Array.Fill(bytes, (byte)'a');
        Encoding.UTF8.GetBytes("汉").CopyTo(bytes, (1 << 20) - 1);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(-1, TextEncodingDetector.FindInvalidUtf8(stream));
    }

    [Fact]
    public void Locate_FindsRowAndColumn_HonoringQuotes()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b,c\n\"x,\ny\",2,\u00ff");
        using var stream = new MemoryStream(bytes);
        Assert.Equal((2, 2), TextEncodingDetector.Locate(stream, bytes.Length - 2));
    }
}
