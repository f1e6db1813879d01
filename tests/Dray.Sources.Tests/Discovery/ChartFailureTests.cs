using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.TestKit.Helm;
using Dray.TestKit.Infrastructure;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// A Helm repository (nginx) that goes down, serves a broken index.yaml, lacks the chart or is not there at all, with
/// the Warehouse controller running: clear conditions and recovery without a refresh.
/// </summary>
public sealed class ChartFailureTests(HelmRepoServer server) : IClassFixture<HelmRepoServer>, IAsyncLifetime
{
    private const string BrokenIndex = """
        apiVersion: v1
        entries:
          web:
          - name: web
            version: 1.0.0
            urls: [web-1.0.0.tgz
        generated: "2026-01-01T00:00:00Z"
        """;

    // xunit makes an instance per test; the fixture's index needs the chart once.
    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(server.ChartsPath, "web-1.0.0.tgz")))
        {
            await server.AddChartAsync("web", "1.0.0");
        }
    }

    // The server belongs to this class alone; make sure it is up again for the fixture's teardown whatever happened.
    public Task DisposeAsync() => server.RestartAsync();

    [SkippableFact]
    public async Task A_stopped_chart_repository_sets_the_condition_keeps_the_versions_and_the_warehouse_recovers_by_itself()
    {
        var repoUrl = server.RepoUrl.ToString();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateWarehouseAsync("app", Chart(repoUrl, "web"));
        await WaitForReadyAsync(host, "app", ConditionStatus.True);

        await server.StopServerAsync();
        await host.RefreshAsync("app", "during-outage");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldStartWith($"chart \"{repoUrl}\" web: could not connect to {repoUrl}: the chart repository is unreachable (");
        Healthy(failed)!.Message.ShouldMatch(@"; retrying in [0-9.]+m?s$");
        failed.Status!.DiscoveredArtifacts!.Charts!.Single().Versions!.ShouldContain("1.0.0", "the last good discovery stays");

        await server.RestartAsync();
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("during-outage", "recovery came from the backoff, not from another refresh");
    }

    [SkippableFact]
    public async Task A_chart_repository_answering_503_says_so_in_words_and_the_warehouse_recovers_when_it_heals()
    {
        await using var proxy = FaultProxy.Start(server.RepoUrl.Port);
        var repoUrl = new Uri(proxy.BaseUri, "charts/").ToString();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateWarehouseAsync("app", Chart(repoUrl, "web"));
        await WaitForReadyAsync(host, "app", ConditionStatus.True);

        proxy.FailWith(503);
        await host.RefreshAsync("app", "while-sick");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe(
            $"chart \"{repoUrl}\" web: chart repository {repoUrl} answered HTTP 503 Service Unavailable for index.yaml: the server is down or overloaded");
        failed.Status!.DiscoveredArtifacts!.Charts!.Single().Versions!.ShouldContain("1.0.0");

        proxy.PassThrough();
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("while-sick");
    }

    [SkippableFact]
    public async Task A_malformed_index_names_the_repository_the_line_and_the_problem_and_a_repaired_one_recovers()
    {
        var folder = Path.Combine(server.ChartsPath, "broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "index.yaml"), BrokenIndex);
        var repoUrl = new Uri(server.RepoUrl, "broken/").ToString();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateWarehouseAsync("app", Chart(repoUrl, "web"));

        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldStartWith($"chart \"{repoUrl}\" web: malformed index.yaml from {repoUrl}: line 6, column 11: ");
        Ready(failed)!.Message.ShouldContain("unclosed bracket");
        Ready(failed)!.Message.ShouldNotContain("Idx:");

        await File.WriteAllTextAsync(Path.Combine(folder, "index.yaml"), BrokenIndex.Replace("[web-1.0.0.tgz", "[web-1.0.0.tgz]", StringComparison.Ordinal));
        var repaired = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        repaired.Status!.DiscoveredArtifacts!.Charts!.Single().Versions!.ShouldBe(["1.0.0"]);
    }

    [SkippableFact]
    public async Task An_unknown_chart_and_a_missing_repository_have_their_own_errors()
    {
        var repoUrl = server.RepoUrl.ToString();
        var missingUrl = new Uri(server.RepoUrl, "nothing-here/").ToString();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateWarehouseAsync("unknown-chart", Chart(repoUrl, "no-such-chart"));
        await host.CreateWarehouseAsync("missing-repo", Chart(missingUrl, "web"));

        var unknown = await WaitForReadyAsync(host, "unknown-chart", ConditionStatus.False);
        var missing = await WaitForReadyAsync(host, "missing-repo", ConditionStatus.False);

        Ready(unknown)!.Message.ShouldBe($"chart \"{repoUrl}\" no-such-chart: chart 'no-such-chart' not found in repository {repoUrl}");
        Ready(missing)!.Message.ShouldBe($"chart \"{missingUrl}\" web: chart repository not found: {missingUrl}index.yaml answered HTTP 404 Not Found");
    }

    private static RepoSubscription Chart(string repoUrl, string name) =>
        new() { Chart = new ChartSubscription { RepoURL = repoUrl, Name = name } };
}
