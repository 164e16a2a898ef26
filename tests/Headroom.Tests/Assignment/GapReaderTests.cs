using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class GapReaderTests
{
    // 2 agents, 3 jobs; rows wrapped arbitrarily because line breaks carry no meaning.
    private const string Small = """
        2 3
        1 2 3 4
        5 6
        7 8 9
        10 11 12
        20 30
        """;

    [Fact]
    public void Read_TokenStream_FillsMatricesAgentByAgent()
    {
        var instance = GapReader.Read("small", Small);

        Assert.Equal(2, instance.Agents);
        Assert.Equal(3, instance.Jobs);
        Assert.Equal([1, 2, 3], instance.Cost[0]);
        Assert.Equal([4, 5, 6], instance.Cost[1]);
        Assert.Equal([7, 8, 9], instance.Weight[0]);
        Assert.Equal([10, 11, 12], instance.Weight[1]);
        Assert.Equal([20L, 30L], instance.Capacity);
    }

    [Fact]
    public void ReadFile_SharedInstance_HasItsDeclaredSize()
    {
        if (GapInstances.Instance("cattrysse1994", "gap1-0") is not { } path)
        {
            return; // the shared benchmark folder is not on this machine
        }

        var instance = GapReader.ReadFile(path);

        Assert.Equal("gap1-0", instance.Name);
        Assert.Equal(5, instance.Agents);
        Assert.Equal(15, instance.Jobs);
    }

    [Fact]
    public void Read_Truncated_NamesTheMissingToken()
    {
        var error = Assert.Throws<GapFormatException>(() => GapReader.Read("cut.txt", "2 3\n1 2 3 4 5 6\n7 8 9"));

        Assert.Contains("cut.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("ends after 11 tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("weight of job 0 on agent 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadToken_NamesItsPosition()
    {
        var error = Assert.Throws<GapFormatException>(() => GapReader.Read("bad.txt", "2 3\n1 2 3 4 x 6\n7 8 9 10 11 12 20 30"));

        Assert.Contains("bad.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("token 7 ('x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cost of job 1 on agent 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraTokens_Throws()
    {
        var error = Assert.Throws<GapFormatException>(() => GapReader.Read("long.txt", Small + " 99"));

        Assert.Contains("extra token '99'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonPositiveSize_Throws()
    {
        Assert.Throws<GapFormatException>(() => GapReader.Read("empty.txt", "0 3"));
    }
}
