namespace Headroom.Tests.Assignment;

// The public GAP instances live beside the repository in ../shared/bench/gap (read in place, never
// copied in). Tests that need them find the folder by walking up from the test binaries.
internal static class GapInstances
{
    public static string? Folder { get; } = Find();

    public static string? Instance(string dataset, string name) =>
        Folder is null ? null : Path.Combine(Folder, "instances", dataset, name);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "gap");
            if (Directory.Exists(Path.Combine(candidate, "instances")))
            {
                return candidate;
            }
        }
        return null;
    }
}
