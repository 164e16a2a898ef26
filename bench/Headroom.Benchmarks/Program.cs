using System.CommandLine;
using System.Globalization;
using Headroom.Assignment;
using Headroom.Benchmarks;

// End-to-end benchmarks of the headroom command, each measured side by side with the tool a
// database ships for the same job. Figures go to bench/RESULTS.md with the command line.
var rows = new Option<int>("--rows") { DefaultValueFactory = _ => 1_000_000, Description = "Activities in the generated file" };
var members = new Option<int>("--members") { DefaultValueFactory = _ => 200, Description = "Members the activities refer to" };
var postgres = new Option<string?>("--postgres") { Description = "Admin connection string of a PostgreSQL server; measures PostgreSQL too" };
var size = new Option<string>("--size") { DefaultValueFactory = _ => "medium", Description = "Demo size" };

var import = new Command("import", "Import activities from CSV vs sqlite3 .import and PostgreSQL COPY") { rows, members, postgres };
import.SetAction(parse => ImportBenchmark.Run(parse.GetValue(rows), parse.GetValue(members), parse.GetValue(postgres)));
var seed = new Command("seed", "Time `headroom seed --demo`") { size, postgres };
seed.SetAction(parse => SeedBenchmark.Run(parse.GetRequiredValue(size), parse.GetValue(postgres)));

var users = new Option<int>("--users") { DefaultValueFactory = _ => 50, Description = "Concurrent signed-in users" };
var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 60, Description = "How long the load runs" };
var web = new Command("web", "Latency of the home, deal and account pages and APIs under concurrent users") { users, seconds, size };
web.SetAction((parse, _) => WebBenchmark.RunAsync(parse.GetValue(users), parse.GetValue(seconds), parse.GetRequiredValue(size)));
var seeded = new Option<FileInfo?>("--sqlite") { Description = "An SQLite file already seeded with `seed --demo` today, instead of seeding a new one" };
var paths = new Option<string[]>("--path") { Description = "Pages or API paths to request instead of the defaults (repeatable), e.g. /workload?teamId=6" };
var logins = new Option<string[]>("--login") { Description = "Demo users to sign in as, in turn (repeatable; default the demo admin and manager)" };
var workloadPage = new Command("workload-page", "Latency of the workload heatmap page and the workload API (or --path pages) under concurrent users; --postgres serves the database of an earlier `workload` run") { users, seconds, size, seeded, paths, logins, postgres };
workloadPage.SetAction((parse, _) => WebBenchmark.RunAsync(parse.GetValue(users), parse.GetValue(seconds), parse.GetRequiredValue(size),
    parse.GetValue(paths) is { Length: > 0 } chosen ? chosen : WebBenchmark.WorkloadEndpoints,
    parse.GetValue(logins) is { Length: > 0 } who ? who : WebBenchmark.WorkloadLogins, parse.GetValue(seeded), parse.GetValue(postgres)));
var reuse = new Option<bool>("--reuse-postgres") { Description = "Measure the database headroom_bench_workload seeded by an earlier run today instead of seeding it again" };
var workload = new Command("workload", "Load and score every member's workload for 13 weeks on seeded demo data") { size, postgres, seeded, reuse };
workload.SetAction((parse, _) => WorkloadBenchmark.RunAsync(parse.GetRequiredValue(size), parse.GetValue(postgres), parse.GetValue(seeded), parse.GetValue(reuse)));
var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 30, Description = "Measured requests per reader (after 3 warm-up ones)" };
var dashboard = new Command("dashboard", "The dashboard's queries for an admin, the largest team's manager and a rep, against the same aggregates in plain queries; PostgreSQL reads the database of an earlier `workload` run") { seeded, postgres, runs };
dashboard.SetAction((parse, _) => DashboardBenchmark.RunAsync(parse.GetValue(seeded), parse.GetValue(postgres), parse.GetValue(runs)));

var gapFolder = new Argument<DirectoryInfo>("folder") { Description = "Folder searched recursively for GAP instance files (OR-Library / Yagiura format)" };
var bestKnown = new Option<FileInfo?>("--best-known") { Description = "TSV with columns instance and best_known (a minimum)" };
var timeLimit = new Option<double>("--time-limit") { DefaultValueFactory = _ => 30, Description = "Wall seconds per instance, reading included" };
var gapSeed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Seed of the search" };
var workers = new Option<int>("--workers") { DefaultValueFactory = _ => 2, Description = "Search threads (CP-SAT workers on the whole model)" };
var gap = new Command("gap", "Cost-minimizing assignment engine on Generalized Assignment Problem instances") { gapFolder, bestKnown, timeLimit, gapSeed, workers };
gap.SetAction(parse => GapBenchmark.Run(parse.GetRequiredValue(gapFolder), parse.GetValue(bestKnown), parse.GetValue(timeLimit), parse.GetValue(gapSeed), parse.GetValue(workers)));

var leads = new Option<int>("--leads") { DefaultValueFactory = _ => 100_000, Description = "Leads, follow-ups and accounts to place" };
var salesReps = new Option<int>("--reps") { DefaultValueFactory = _ => 1_000, Description = "Reps" };
var salesSeed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Seed of the generator and the search" };
var routes = new Option<int>("--routes") { DefaultValueFactory = _ => 10_000, Description = "New leads routed online one at a time after the plan" };
var boundIterations = new Option<int>("--bound-iterations") { DefaultValueFactory = _ => new AssignmentOptimizerOptions().BoundIterations, Description = "Passes over all candidate pairs spent on each LP bound" };
var exactLp = new Option<bool>("--exact-lp") { Description = "Also solve both LP relaxations exactly with GLOP (small instances only)" };
var exactIp = new Option<double>("--exact-ip") { Description = "Also solve the integer cost problem at the plan's cap with CP-SAT for this many seconds (small instances only)" };
var tolerance = new Option<double?>("--utilization-tolerance") { Description = "How far (absolute) the cost stage may raise the balanced maximum utilization (default 0.001)" };
var targetGap = new Option<double?>("--utilization-target-gap") { Description = "Also let the cost stage go up to the utilization bound × (1 + this) (default 0)" };
var costFlow = new Option<bool?>("--cost-flow") { Description = "Start the cost stage from the transportation (min-cost flow) step (default true; false: every item on its cheapest candidate)" };
var costCeiling = new Option<double?>("--cost-stage-ceiling") { Description = "Utilization above which the cost stage lifts no rep beyond the mean or their own balanced utilization (default 1.0; inf: off)" };
var ascentSweeps = new Option<int?>("--cost-ascent-sweeps") { Description = "Sweeps of coordinate ascent on the cost bound's prices before its subgradient steps (default 2; 0: none)" };
var repairDepth = new Option<int?>("--repair-chain-depth") { Description = "Longest ejection chain that takes a rounded start's excess off a rep (default 8)" };
var sales = new Command("sales", "Sales-scale assignment: balanced plan vs round robin and least loaded, and online routing latency") { leads, salesReps, salesSeed, routes, workers, boundIterations, exactLp, exactIp, tolerance, targetGap, costFlow, costCeiling, ascentSweeps, repairDepth };
sales.SetAction(parse => SalesBenchmark.Run(parse.GetValue(leads), parse.GetValue(salesReps), parse.GetValue(salesSeed), parse.GetValue(routes), parse.GetValue(workers), parse.GetValue(boundIterations), parse.GetValue(exactLp), parse.GetValue(exactIp),
    parse.GetValue(tolerance), parse.GetValue(targetGap), parse.GetValue(costFlow), parse.GetValue(costCeiling), parse.GetValue(ascentSweeps), parse.GetValue(repairDepth)));

var gapSeeds = new Option<string>("--seeds") { DefaultValueFactory = _ => "1,2", Description = "Comma-separated seeds" };
var ipSeconds = new Option<double>("--ip-seconds") { DefaultValueFactory = _ => 60, Description = "CP-SAT time limit per cap" };
var salesGap = new Command("sales-gap", "Integrality gap of the sales cost stage: CP-SAT optimum vs the staged LP at several caps (small instances only)") { leads, salesReps, gapSeeds, ipSeconds, workers };
salesGap.SetAction(parse => SalesIntegralityGap.Run(parse.GetValue(leads), parse.GetValue(salesReps),
    [.. parse.GetValue(gapSeeds)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))], parse.GetValue(ipSeconds), parse.GetValue(workers)));

return await new RootCommand("Headroom benchmarks") { import, seed, web, workload, workloadPage, dashboard, gap, sales, salesGap }.Parse(args).InvokeAsync();
