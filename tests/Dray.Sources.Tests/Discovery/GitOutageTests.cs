using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// A git server that goes down, answers 5xx, or rotates its password, with the Warehouse controller running: a
/// condition a human can read, the last good commits kept, backoff, and recovery without a refresh.
/// </summary>
public sealed class GitOutageTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // The server belongs to this class alone; make sure it is up again for the fixture's teardown whatever happened.
    public Task DisposeAsync() => server.RestartAsync();

    [SkippableFact]
    public async Task A_stopped_git_server_sets_the_condition_keeps_the_commits_and_the_warehouse_recovers_by_itself()
    {
        var (url, commit) = await SeedAsync("down");
        await using var host = await StartAsync(url);

        await server.StopServerAsync();
        await host.RefreshAsync("app", "during-outage");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Reason.ShouldBe(WarehouseConditions.DiscoveryFailedReason);
        Ready(failed)!.Message.ShouldStartWith($"git \"{url}\": could not connect to {url}: the server is unreachable (");
        Ready(failed)!.Message.ShouldContain($"port {server.Port}");
        Ready(failed)!.Message.ShouldNotContain("fatal:");
        Healthy(failed)!.Message.ShouldMatch(@"; retrying in [0-9.]+m?s$");
        failed.Status!.LastHandledRefresh.ShouldBe("during-outage");
        failed.Status.DiscoveredArtifacts!.Git!.Single().Commits![0].Id.ShouldBe(commit, "the last good discovery stays");
        await ShouldNotLeakAsync(host, "app", server.Username, server.Password);

        await server.RestartAsync();
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("during-outage", "recovery came from the backoff, not from another refresh");
        recovered.Status.Conditions!.ShouldNotContain(c => c.Type == WarehouseConditions.Reconciling);
    }

    [SkippableTheory]
    [InlineData(503, "HTTP 503 Service Unavailable", "the server is down or overloaded")]
    [InlineData(502, "HTTP 502 Bad Gateway", "a gateway in front of the server could not reach it")]
    public async Task A_git_server_answering_5xx_says_so_in_words_and_the_warehouse_recovers_when_it_heals(int status, string said, string meaning)
    {
        var (_, commit) = await SeedAsync($"sick-{status}");
        await using var proxy = FaultProxy.Start(server.Port);
        var url = new Uri(proxy.BaseUri, $"git/sick-{status}.git").ToString();
        await using var host = await StartAsync(url);

        proxy.FailWith(status);
        await host.RefreshAsync("app", "while-sick");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"git \"{url}\": the git server answered {said} for {url}: {meaning}");
        Healthy(failed)!.Message.ShouldMatch(@"; retrying in [0-9.]+m?s$");
        proxy.FailedRequests.ShouldBeGreaterThan(0);
        failed.Status!.DiscoveredArtifacts!.Git!.Single().Commits![0].Id.ShouldBe(commit);
        await ShouldNotLeakAsync(host, "app", server.Username, server.Password);

        proxy.PassThrough();
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("while-sick");
    }

    [SkippableFact]
    public async Task A_rotated_password_fails_as_authentication_without_the_password_and_an_updated_secret_recovers()
    {
        var (url, _) = await SeedAsync("rotated");
        var oldPassword = server.Password;
        await using var host = await StartAsync(url);

        var newPassword = $"rotated-{Guid.NewGuid():N}";
        await server.ChangePasswordAsync(newPassword);
        await host.RefreshAsync("app", "after-rotation");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"git \"{url}\": authentication failed for {url}: the server rejected the credentials");
        await ShouldNotLeakAsync(host, "app", server.Username, oldPassword, newPassword);

        await host.UpdateSecretPasswordAsync("git", newPassword);
        await WaitForReadyAsync(host, "app", ConditionStatus.True);
        await ShouldNotLeakAsync(host, "app", server.Username, oldPassword, newPassword);
    }

    [SkippableFact]
    public async Task An_unknown_repository_is_reported_as_not_found()
    {
        var url = server.RepoUrl("no-such-repository");
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("git", CredentialType.Git, url, server.Username, server.Password);
        await host.CreateWarehouseAsync("missing", new RepoSubscription { Git = new GitSubscription { RepoURL = url } });

        var failed = await WaitForReadyAsync(host, "missing", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"git \"{url}\": repository not found: {url}");
        await ShouldNotLeakAsync(host, "missing", server.Username, server.Password);
    }

    private async Task<(string Url, string Commit)> SeedAsync(string name)
    {
        using var source = new TempDirectory("dray-git-outage-");
        await File.WriteAllTextAsync(source.File("app.yaml"), $"name: {name}\n");
        var commit = await server.SeedRepoAsync(name, source.Path);
        return (server.RepoUrl(name), commit);
    }

    /// <summary>A running controller with a Warehouse on <paramref name="url"/> that has discovered once.</summary>
    private async Task<WarehouseHost> StartAsync(string url)
    {
        var host = new WarehouseHost(FastBackoff);
        try
        {
            host.StartRunner();
            await host.CreateSecretAsync("git", CredentialType.Git, url, server.Username, server.Password);
            await host.CreateWarehouseAsync("app", new RepoSubscription { Git = new GitSubscription { RepoURL = url } });
            await WaitForReadyAsync(host, "app", ConditionStatus.True);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
