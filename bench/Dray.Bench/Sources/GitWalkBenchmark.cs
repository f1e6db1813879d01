using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;

namespace Dray.Bench.Sources;

/// <summary>
/// Git commit discovery from a local bare repository (file://, so the numbers are git's and Dray's, not a server's):
/// (1) one include path whose only commit lies --depth (1000) commits below HEAD, found by one walk, timed warm
/// --runs (10) times; (2) --warehouses (50) subscriptions with different include paths on a --commits (20000) commit
/// repository, discovered concurrently after one new commit. Moved here from GitCommitDiscovererTests and
/// GitDiscoveryScaleTests, which keep their functional assertions (one fetch for all) and no clock.
/// </summary>
internal sealed class GitWalkBenchmark : IBenchmark
{
    public string Name => "git-walk";

    public string Description => "git discovery: a path --depth (1000) commits deep, --warehouses (50) on --commits (20000)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var depth = arguments.GetInt("depth", 1_000);
        var runs = arguments.GetInt("runs", 10);
        var warehouses = arguments.GetInt("warehouses", 50);
        var commits = arguments.GetInt("commits", 20_000);
        var directory = Directory.CreateTempSubdirectory("dray-bench-git-").FullName;
        try
        {
            await DeepWalkAsync(Path.Combine(directory, "deep"), depth, runs, cancellationToken);
            await FanOutAsync(Path.Combine(directory, "fan"), warehouses, commits, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task DeepWalkAsync(string directory, int depth, int runs, CancellationToken ct)
    {
        var remote = await CreateRemoteAsync(directory, ct);
        await ImportAsync(remote, 0, 1, _ => "services/payments/app.yaml", ct);
        await ImportAsync(remote, 1, depth, i => $"services/other/file{i % 50}.yaml", ct);
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = Path.Combine(directory, "data"), AllowFileUrls = true });
        var discoverer = new GitCommitDiscoverer(mirrors);
        var subscription = new GitSubscription { RepoURL = "file://" + remote, IncludePaths = ["services/payments"], DiscoveryLimit = 1 };
        var cold = Stopwatch.StartNew();
        await discoverer.DiscoverAsync(subscription, null, ct);
        cold.Stop();
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = await discoverer.DiscoverAsync(subscription, null, ct);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            if (result.Commits is not [{ Subject: "commit 0" }])
            {
                throw new InvalidOperationException("the deep commit was not found");
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"git-walk deep: path {depth} commits below HEAD; first (clone) {cold.Elapsed.TotalMilliseconds:F0} ms; warm median {Percentiles.Of(timings, 50):F0} ms, max {timings[^1]:F0} ms over {runs} runs"));
    }

    private static async Task FanOutAsync(string directory, int warehouses, int commits, CancellationToken ct)
    {
        var remote = await CreateRemoteAsync(directory, ct);
        await ImportAsync(remote, 0, commits, i => $"services/svc{i % 100}/deploy{i % 3}.yaml", ct);
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = Path.Combine(directory, "data"), AllowFileUrls = true });
        var discoverer = new GitCommitDiscoverer(mirrors);
        var url = "file://" + remote;
        await discoverer.DiscoverAsync(new GitSubscription { RepoURL = url }, null, ct);
        await ImportAsync(remote, commits, 1, _ => "services/svc7/deploy0.yaml", ct);
        var before = mirrors.Counts;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, warehouses).Select(i =>
            discoverer.DiscoverAsync(new GitSubscription { RepoURL = url, IncludePaths = [$"services/svc{i}"] }, null, ct)));
        clock.Stop();
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, warehouses).Select(i =>
            discoverer.DiscoverAsync(new GitSubscription { RepoURL = url, IncludePaths = [$"services/svc{i}"] }, null, ct)));
        warm.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"git-walk fan-out: {warehouses} subscriptions on {commits} commits; after one push {clock.Elapsed.TotalMilliseconds:F0} ms ({mirrors.Counts.Fetches - before.Fetches} fetch), nothing moved {warm.Elapsed.TotalMilliseconds:F0} ms"));
    }

    internal static async Task<string> CreateRemoteAsync(string directory, CancellationToken ct)
    {
        var remote = Path.Combine(directory, "remote.git");
        Directory.CreateDirectory(remote);
        await GitAsync(remote, ["init", "--bare", "-q", "-b", "main"], null, ct);
        return remote;
    }

    /// <summary>Appends <paramref name="count"/> commits numbered from <paramref name="first"/> to main, each touching one file.</summary>
    internal static async Task ImportAsync(string remote, int first, int count, Func<int, string> path, CancellationToken ct)
    {
        var stream = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            var message = $"commit {i}";
            var content = $"revision: {i}\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\ncommitter Bench <bench@example.com> {1_700_000_000 + i} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i == first && first > 0)
            {
                stream.Append("from refs/heads/main^0\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline {path(i)}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
        }

        await GitAsync(remote, ["fast-import", "--quiet"], stream.ToString(), ct);
    }

    private static async Task GitAsync(string directory, string[] arguments, string? input, CancellationToken ct)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardInput = input is not null, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var errors = process.StandardError.ReadToEndAsync(ct);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), ct);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {await errors}");
        }
    }
}
