using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Headroom.Benchmarks;

// Starts `headroom serve` on a fresh SQLite database with the medium demo organization, signs in
// a number of virtual users (the demo's admin, manager and rep in turn, each with its own
// session), and has each request the home, deal list and account list pages and their API
// calls back to back for a fixed time. Reports latency percentiles per endpoint, then stops the
// server. Everything runs on loopback.
public static partial class WebBenchmark
{
    private static readonly string[] DefaultEndpoints =
    [
        "/", "/deals", "/accounts", "/api/v1/deals?pageSize=25", "/api/v1/accounts?pageSize=25",
    ];

    private static readonly string[] Logins = ["admin@headroom.example", "manager@headroom.example", "rep@headroom.example"];

    // The workload pages and API (issue 4): the heatmap with its who-has-room list, and the API's
    // default 12 weeks for everyone in the caller's scope.
    // A rep's /workload is a redirect to their own page, so the heatmap is measured for the admin
    // (the whole organization) and the manager.
    public static readonly string[] WorkloadEndpoints = ["/workload", "/api/v1/workload"];
    public static readonly string[] WorkloadLogins = ["admin@headroom.example", "manager@headroom.example"];

    // postgres: the database of an earlier `workload` run (headroom_bench_workload on that server)
    // instead of an SQLite file.
    public static async Task<int> RunAsync(
        int users, int seconds, string size, string[]? endpoints = null, string[]? logins = null, FileInfo? seeded = null, string? postgres = null)
    {
        var paths = endpoints ?? DefaultEndpoints;
        logins ??= Logins;
        var work = Directory.CreateTempSubdirectory("headroom-bench-web-");
        var connection = $"Data Source={seeded?.FullName ?? Path.Combine(work.FullName, "web.db")}";
        if (postgres is not null)
        {
            connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "headroom_bench_workload" }.ConnectionString;
        }
        else if (seeded is null)
        {
            HeadroomProcess.Run(connection, false, "seed", "--demo", "--size", size).EnsureSuccess("seed");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] provider = postgres is null ? [] : ["--provider", "Postgres"];
        string[] arguments = [HeadroomProcess.Dll, .. provider, "--connection", connection, "serve", "--urls", $"http://127.0.0.1:{port}"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Every virtual user signs in from the same loopback address.
        start.Environment["Headroom__Web__SignInRequestsPerMinute"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var root = new Uri($"http://127.0.0.1:{port}");
            await WaitForHealthAsync(root);
            var clients = new List<HttpClient>();
            for (var u = 0; u < users; u++)
            {
                clients.Add(await SignInAsync(root, logins[u % logins.Length]));
            }
            // Warm-up: every endpoint once per client.
            foreach (var client in clients)
            {
                foreach (var endpoint in paths)
                {
                    (await client.GetAsync(new Uri(endpoint, UriKind.Relative))).EnsureSuccessStatusCode();
                }
            }

            var samples = new ConcurrentDictionary<string, ConcurrentBag<double>>();
            var failures = 0;
            var until = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, u) => Task.Run(async () =>
            {
                var i = u;
                while (until.Elapsed.TotalSeconds < seconds)
                {
                    var endpoint = paths[i++ % paths.Length];
                    var watch = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri(endpoint, UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    samples.GetOrAdd(endpoint, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                }
            })));

            var total = samples.Values.Sum(s => s.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{users} users, {seconds} s, {total:N0} requests ({total / (double)seconds:N0}/s), {failures} failed"));
            Console.WriteLine("| endpoint | requests | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var endpoint in paths.Append("all"))
            {
                var values = (endpoint == "all" ? samples.Values.SelectMany(s => s) : samples[endpoint]).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{endpoint}` | {values.Length:N0} | {Percentile(values, 0.50):N0} | {Percentile(values, 0.95):N0} | {Percentile(values, 0.99):N0} |"));
            }
            foreach (var client in clients)
            {
                client.Dispose();
            }
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(Uri root)
    {
        using var probe = new HttpClient { BaseAddress = root };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The server did not answer /health within a minute.");
    }

    private static async Task<HttpClient> SignInAsync(Uri root, string email)
    {
        var client = new HttpClient(new CookieJar()) { BaseAddress = root };
        var page = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = TokenField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = "headroom-demo",
            ["ReturnUrl"] = "/",
        });
        using var signIn = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        if (signIn.Headers.Location?.OriginalString != "/" || home.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"Sign-in as {email} failed: sign-in answered {(int)signIn.StatusCode} to {signIn.Headers.Location}, home {(int)home.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
