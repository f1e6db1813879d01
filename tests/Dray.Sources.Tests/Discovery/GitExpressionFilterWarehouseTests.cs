using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Tests.Git;
using Dray.TestKit.Git;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>A Warehouse whose git subscription has an <c>expressionFilter</c>, with the controller running.</summary>
public sealed class GitExpressionFilterWarehouseTests(GitHttpServer server) : IClassFixture<GitHttpServer>
{
    [SkippableFact]
    public async Task Freight_comes_from_the_newest_commit_the_filter_keeps_and_a_failing_filter_says_why()
    {
        using var repo = await WorkRepo.CreateAsync(server, "exprf-warehouse");
        var release = await repo.CommitAsync("release: 1.0", "app.yaml");
        var wip = await repo.CommitAsync("wip: not yet", "app.yaml");
        await repo.PushAsync();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("git", CredentialType.Git, repo.Url, server.Username, server.Password);

        await host.CreateWarehouseAsync("filtered", Subscription(repo, "subject startsWith \"release:\""));
        var ready = await WaitForReadyAsync(host, "filtered", ConditionStatus.True);

        ready.Status!.DiscoveredArtifacts!.Git!.Single().Commits!.Select(c => c.Id).ShouldBe([release]);
        await WarehouseHost.WaitForAsync(async () => (await host.ListFreightAsync()).Count > 0);
        (await host.ListFreightAsync()).Single().Commits!.Single().Id.ShouldBe(release);

        await host.CreateWarehouseAsync("broken", Subscription(repo, "commitDate.After(subject)"));
        var failed = await WaitForReadyAsync(host, "broken", ConditionStatus.False);

        Ready(failed)!.Reason.ShouldBe(WarehouseConditions.DiscoveryFailedReason);
        Ready(failed)!.Message.ShouldContain($"expressionFilter failed on commit {wip}: invalid argument for After (type string, expected time.Time)");
    }

    private static RepoSubscription Subscription(WorkRepo repo, string filter) =>
        new() { Git = new GitSubscription { RepoURL = repo.Url, ExpressionFilter = filter } };
}
