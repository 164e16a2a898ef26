using System.Diagnostics;
using System.Globalization;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// Runs the cost-minimizing GAP solver on every instance file under a folder and compares each
// result with a best-known table (instance name -> best_known column). The time limit is wall
// clock per instance and includes reading the file.
public static class GapBenchmark
{
    private static readonly string[] SkippedExtensions = [".md", ".tsv", ".csv", ".json"];

    public static int Run(DirectoryInfo folder, FileInfo? bestKnownFile, double timeLimitSeconds, int seed, int workers)
    {
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"gap: folder not found: {folder.FullName}");
            return 2;
        }
        var bestKnown = bestKnownFile is null ? [] : ReadBestKnown(bestKnownFile);
        var files = folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.StartsWith('.') && !f.Name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
                && !f.Name.EndsWith("_solution.txt", StringComparison.Ordinal)
                && !SkippedExtensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetRelativePath(folder.FullName, f.FullName), StringComparer.Ordinal)
            .ToList();

        Console.WriteLine("instance\tm\tn\tcost\tbest_known\tgap_pct\tseconds\tfeasible\tlower_bound\tstatus");
        var rows = new List<Row>();
        var failed = 0;
        var total = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var watch = Stopwatch.StartNew();
            GapInstance instance;
            try
            {
                instance = GapReader.ReadFile(file.FullName);
            }
            catch (GapFormatException e)
            {
                Console.Error.WriteLine($"gap: skipped {e.Message}");
                failed++;
                continue;
            }
            var limit = TimeSpan.FromSeconds(timeLimitSeconds) - watch.Elapsed;
            var result = GapSolver.Solve(instance, new GapSolverOptions { TimeLimit = limit, Seed = seed, Workers = workers });
            var seconds = watch.Elapsed.TotalSeconds;
            if (result.Feasible && !instance.IsFeasible(result.AgentOfJob))
            {
                throw new InvalidOperationException($"{file.FullName}: the solver reported an infeasible assignment as feasible");
            }
            var name = instance.Name;
            long? best = bestKnown.TryGetValue(name, out var b) ? b
                : bestKnown.TryGetValue(Path.GetFileNameWithoutExtension(name), out b) ? b : null;
            double? gap = result.Feasible && best is { } known && known != 0 ? 100.0 * (result.Cost - known) / known : null;
            var row = new Row(RelativeDataset(folder, file), name, result.Feasible, result.Status == GapStatus.Optimal, best, gap, seconds);
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}\t{instance.Agents}\t{instance.Jobs}\t{(result.Feasible ? result.Cost.ToString(CultureInfo.InvariantCulture) : "")}\t{best}\t{gap:0.000}\t{seconds:0.00}\t{(result.Feasible ? "yes" : "no")}\t{result.LowerBound}\t{result.Status.ToString().ToLowerInvariant()}"));
        }
        foreach (var group in rows.GroupBy(r => r.Dataset).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Summary($"# dataset {group.Key}", [.. group], null));
        }
        Console.WriteLine(Summary("# summary", rows, total.Elapsed.TotalSeconds) + (failed > 0 ? $" unreadable={failed}" : ""));
        return failed > 0 ? 1 : 0;
    }

    private static string Summary(string label, List<Row> rows, double? wallSeconds)
    {
        var gaps = rows.Where(r => r.Gap is not null).Select(r => r.Gap!.Value).Order().ToList();
        var median = gaps.Count == 0 ? (double?)null
            : gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2;
        double? max = gaps.Count == 0 ? null : gaps[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}\tinstances={rows.Count}\tfeasible={rows.Count(r => r.Feasible)}\treached_best_known={gaps.Count(g => g <= 1e-9)}\twithin_0.5pct={gaps.Count(g => g <= 0.5 + 1e-9)}\tproven_optimal={rows.Count(r => r.Proven)}\tmedian_gap_pct={median:0.000}\tmax_gap_pct={max:0.000}\tseconds={wallSeconds ?? rows.Sum(r => r.Seconds):0.0}\tmax_seconds={(rows.Count == 0 ? 0 : rows.Max(r => r.Seconds)):0.00}");
    }

    private static string RelativeDataset(DirectoryInfo folder, FileInfo file)
    {
        var relative = Path.GetRelativePath(folder.FullName, file.DirectoryName ?? folder.FullName);
        return relative == "." ? folder.Name : relative;
    }

    private static Dictionary<string, long> ReadBestKnown(FileInfo file)
    {
        var lines = File.ReadAllLines(file.FullName);
        var header = lines.Length > 0 ? lines[0].Split('\t') : [];
        var nameColumn = Array.IndexOf(header, "instance");
        var valueColumn = Array.IndexOf(header, "best_known");
        if (nameColumn < 0 || valueColumn < 0)
        {
            throw new InvalidOperationException($"{file.FullName}: the header needs columns 'instance' and 'best_known'");
        }
        var table = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var line = 1; line < lines.Length; line++)
        {
            var fields = lines[line].Split('\t');
            if (fields.Length > Math.Max(nameColumn, valueColumn)
                && long.TryParse(fields[valueColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                table[fields[nameColumn]] = value;
            }
        }
        return table;
    }

    private sealed record Row(string Dataset, string Name, bool Feasible, bool Proven, long? BestKnown, double? Gap, double Seconds);
}
