using System.Diagnostics;
using System.Globalization;

namespace Headroom.Benchmarks;

// Runs a command as its own process and reports wall time and peak resident memory. Peak
// memory comes from GNU time (/usr/bin/time -f %M) when present, else from polling VmHWM.
public sealed record Measured(TimeSpan Elapsed, long PeakKilobytes, int ExitCode, string Output)
{
    public static Measured Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var gnuTime = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(gnuTime ? "/usr/bin/time" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        if (gnuTime)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("HEADROOM_BENCH_MAXRSS=%M");
            start.ArgumentList.Add(fileName);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long polledPeak = 0;
        while (!process.WaitForExit(50))
        {
            polledPeak = Math.Max(polledPeak, ReadHighWaterMark(process.Id));
        }
        watch.Stop();
        var errors = stderr.Result;
        var peak = polledPeak;
        var marker = errors.LastIndexOf("HEADROOM_BENCH_MAXRSS=", StringComparison.Ordinal);
        if (marker >= 0)
        {
            peak = long.Parse(errors[(marker + "HEADROOM_BENCH_MAXRSS=".Length)..].Trim(), CultureInfo.InvariantCulture);
            errors = errors[..marker];
        }
        return new Measured(watch.Elapsed, peak, process.ExitCode, stdout.Result + errors);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public Measured EnsureSuccess(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}");
}
