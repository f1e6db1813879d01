using System.Diagnostics;
using System.Globalization;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;

namespace Dray.Bench.Sources;

/// <summary>
/// NewestFromBranch with an <c>expressionFilter</c> that only the oldest of --commits (20000) commits passes, so the
/// one streamed <c>git log</c> is read to its end and the expression runs on every commit; warm mirror, --runs (10).
/// The floor is the same <c>git log -z</c> read to its end without Dray.
/// </summary>
internal sealed class GitExpressionFilterBenchmark : IBenchmark
{
    private const string LogFormat = "--format=%x1e%H%x00%s%x00%an <%ae>%x00%cn <%ce>%x00%cI%x00";

    public string Name => "git-exprf";

    public string Description => "git discovery: expressionFilter walks --commits (20000) commits to the only match";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var commits = arguments.GetInt("commits", 20_000);
        var runs = arguments.GetInt("runs", 10);
        var directory = Directory.CreateTempSubdirectory("dray-bench-exprf-").FullName;
        try
        {
            var remote = await GitWalkBenchmark.CreateRemoteAsync(directory, cancellationToken);
            await GitWalkBenchmark.ImportAsync(remote, 0, commits, i => $"services/svc{i % 100}/deploy.yaml", cancellationToken);
            using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = Path.Combine(directory, "data"), AllowFileUrls = true });
            var discoverer = new GitCommitDiscoverer(mirrors);
            var subscription = new GitSubscription
            {
                RepoURL = "file://" + remote,
                ExpressionFilter = "subject == \"commit 0\" && commitDate.Before(date(\"2030-01-01\"))",
                DiscoveryLimit = 1,
            };
            await discoverer.DiscoverAsync(subscription, null, cancellationToken);
            var dray = new List<double>();
            var floor = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var result = await discoverer.DiscoverAsync(subscription, null, cancellationToken);
                dray.Add(clock.Elapsed.TotalMilliseconds);
                if (result.Commits is not [{ Subject: "commit 0" }])
                {
                    throw new InvalidOperationException("the oldest commit was not found");
                }

                clock.Restart();
                await ReadLogAsync(remote, cancellationToken);
                floor.Add(clock.Elapsed.TotalMilliseconds);
            }

            dray.Sort();
            floor.Sort();
            var median = Percentiles.Of(dray, 50);
            var floorMedian = Percentiles.Of(floor, 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"git-exprf: {commits} commits filtered; median {median:F0} ms (max {dray[^1]:F0}), git log alone {floorMedian:F0} ms; ratio {median / floorMedian:F2}; {median * 1000 / commits:F1} us per commit"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task ReadLogAsync(string remote, CancellationToken ct)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = remote, RedirectStandardOutput = true };
        foreach (var argument in new[] { "log", LogFormat, "-z", "main" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var buffer = new char[32768];
        while (await process.StandardOutput.ReadAsync(buffer.AsMemory(), ct) > 0)
        {
        }

        await process.WaitForExitAsync(ct);
    }
}
