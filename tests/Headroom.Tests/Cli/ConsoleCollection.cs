namespace Headroom.Tests.Cli;

// Tests that redirect Console.Out/Error must not run alongside each other.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
