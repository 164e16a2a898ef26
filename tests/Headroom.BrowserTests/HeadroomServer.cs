using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Headroom.BrowserTests;

// A real Headroom server: the built web app as a child process on 127.0.0.1 with a port the OS
// picks and a fresh SQLite database in a temporary folder. Plain HTTP on loopback, where
// browsers accept the Secure __Host- cookies (docs/decisions/0009-cookies-and-https.md).
public sealed partial class HeadroomServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private HeadroomServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }
    public string Database => Path.Combine(_folder, "headroom.db");

    public static async Task<HeadroomServer> StartAsync(Func<string, Task>? prepareDatabase = null)
    {
        var folder = Directory.CreateTempSubdirectory("headroom-browser-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "headroom.db")}";
        if (prepareDatabase is not null)
        {
            await prepareDatabase(connection);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Built("Headroom.Web"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Headroom__Database__ConnectionString"] = connection;
        // Several tests sign in from the same address within a minute.
        start.Environment["Headroom__Web__SignInRequestsPerMinute"] = "200";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            log.Enqueue(e.Data);
            if (ListeningPattern().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The web app did not start:\n" + string.Join('\n', log));
        }
        return new HeadroomServer(process, folder, await listening.Task);
    }

    // Runs the built `headroom` command, e.g. to add users before the server starts.
    public static async Task RunCliAsync(string connection, string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Built("Headroom.Cli"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("--connection");
        start.ArgumentList.Add(connection);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"headroom {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    // The same configuration (Debug/Release) of the app as these tests were built in.
    private static string Built(string project)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Headroom.slnx")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException("Headroom.slnx not found above the test binaries.");
        }
        var dll = Path.Combine(root.FullName, "src", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
