using System.Globalization;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Bench.Discovery;

/// <summary>
/// NewestFromBranch with <c>includePaths: [deep]</c> on a --commits (20,000) commit repository whose only commit touching
/// <c>deep/</c> is 1,000 below HEAD, served by nginx + git http-backend. Discovery runs on a warm mirror (its ls-remote
/// included). Floor: <c>git log -1 -- deep</c> run as a process in the same mirror.
/// </summary>
internal sealed class GitPathDepthBenchmark : IBenchmark
{
    public string Name => "git-path-depth";

    public string Description => "newest commit touching an include path 1,000 commits below HEAD (of --commits 20000), --runs 5";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var commits = arguments.GetInt("commits", 20_000);
        var runs = arguments.GetInt("runs", 5);
        var server = new GitHttpServer();
        await server.InitializeAsync();
        using var data = new TempDirectory("dray-bench-git-depth-");
        try
        {
            var repo = await Monorepo.CreateAsync(server, "depth", commits, cancellationToken);
            using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = data.Path });
            var discoverer = new GitCommitDiscoverer(mirrors);
            var credential = new GitCredential(server.Username, server.Password);
            var mirror = await mirrors.EnsureFreshAsync(repo.Url, credential, cancellationToken);
            var expected = (await GitCli.OutputAsync(mirror.Path, ["log", "-1", "--format=%H", "--", "deep"], cancellationToken)).Trim();
            Console.WriteLine($"repository: {commits} commits; deep/ last touched by {expected}, {Monorepo.DeepDistance} below HEAD");

            var floor = new List<double>();
            var limitOne = new List<double>();
            var limitDefault = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                floor.Add(await Timing.MillisecondsAsync(() => GitCli.OutputAsync(mirror.Path, ["log", "-1", "--format=%H", "--", "deep"], cancellationToken)));
                GitDiscoveryResult? result = null;
                limitOne.Add(await Timing.MillisecondsAsync(async () => result = await discoverer.DiscoverAsync(
                    new GitSubscription { RepoURL = repo.Url, IncludePaths = ["deep"], DiscoveryLimit = 1 }, credential, cancellationToken)));
                Check(result, expected);
                limitDefault.Add(await Timing.MillisecondsAsync(async () => result = await discoverer.DiscoverAsync(
                    new GitSubscription { RepoURL = repo.Url, IncludePaths = ["deep"] }, credential, cancellationToken)));
                Check(result, expected);
            }

            Console.WriteLine($"floor git log -1 -- deep (process): {Timing.Format(floor)}");
            Console.WriteLine($"discovery, discoveryLimit 1:        {Timing.Format(limitOne)}  ratio {Ratio(limitOne, floor)}");
            Console.WriteLine($"discovery, discoveryLimit 20:       {Timing.Format(limitDefault)}  ratio {Ratio(limitDefault, floor)}");
            Console.WriteLine($"mirror operations: {mirrors.Counts}");
            return 0;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static void Check(GitDiscoveryResult? result, string expected)
    {
        if (result?.Commits is not [{ } newest, ..] || newest.Id != expected)
        {
            throw new InvalidOperationException($"discovery found {(result?.Commits is [{ } first, ..] ? first.Id : null) ?? "nothing"}, expected {expected}");
        }
    }

    private static string Ratio(IReadOnlyList<double> ours, IReadOnlyList<double> floor) =>
        (Timing.Median(ours) / Timing.Median(floor)).ToString("F2", CultureInfo.InvariantCulture);
}
