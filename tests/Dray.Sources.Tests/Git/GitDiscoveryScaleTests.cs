using System.Diagnostics;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Git;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Xunit.Abstractions;

namespace Dray.Sources.Tests.Git;

public sealed class GitDiscoveryScaleTests(GitHttpServer server, ITestOutputHelper output) : IClassFixture<GitHttpServer>, IDisposable
{
    private readonly TempDirectory data = new("dray-scale-");

    public void Dispose() => data.Dispose();

    [SkippableFact]
    public async Task Fifty_warehouses_on_a_twenty_thousand_commit_repository_refresh_with_one_fetch()
    {
        using var repo = await WorkRepo.CreateAsync(server, "monorepo");
        await repo.CommitAsync("root", "README.md");
        await repo.FastImportAsync("main", 20_000, i => $"services/svc{i % 100}/deploy{i % 3}.yaml");
        await repo.PushAsync();
        using var mirrors = new GitMirrorManager(new GitMirrorOptions { DataDirectory = data.Path });
        var discoverer = new GitCommitDiscoverer(mirrors);
        var credential = new GitCredential(server.Username, server.Password);
        await discoverer.DiscoverAsync(new GitSubscription { RepoURL = repo.Url }, credential, CancellationToken.None);
        var pushed = await repo.CommitAsync("touch svc7", "services/svc7/deploy0.yaml");
        await repo.PushAsync();
        var before = mirrors.Counts;

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => discoverer.DiscoverAsync(
            new GitSubscription { RepoURL = repo.Url, IncludePaths = [$"services/svc{i}"] }, credential, CancellationToken.None)));
        watch.Stop();
        output.WriteLine($"50 discoveries after one push: {watch.ElapsedMilliseconds} ms");
        (mirrors.Counts.Fetches - before.Fetches).ShouldBe(1);
        (mirrors.Counts.LsRemotes - before.LsRemotes).ShouldBe(1);
        results.ShouldAllBe(r => r.Commits!.Count == 20);
        results[7].Commits![0].Id.ShouldBe(pushed);
        results[8].Commits![0].Subject.ShouldBe("bulk 19908");
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => discoverer.DiscoverAsync(
            new GitSubscription { RepoURL = repo.Url, IncludePaths = [$"services/svc{i}"] }, credential, CancellationToken.None)));
        output.WriteLine($"50 discoveries, nothing moved: {warm.ElapsedMilliseconds} ms (report only; bench/Dray.Bench measures)");
        (mirrors.Counts.Fetches - before.Fetches).ShouldBe(1, "nothing moved, so nothing was fetched again");
    }
}
