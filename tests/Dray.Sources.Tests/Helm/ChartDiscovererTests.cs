using System.Net;
using System.Text;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Helm;
using Dray.TestKit.Helm;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Helm;

public sealed class ChartDiscovererTests(HelmRepoServer server) : IClassFixture<HelmRepoServer>, IDisposable
{
    private readonly HttpClient http = new();

    public void Dispose() => http.Dispose();

    [SkippableFact]
    public async Task Versions_come_from_index_yaml_highest_first_within_the_constraint_and_limit()
    {
        foreach (var version in new[] { "1.0.0", "1.10.0", "1.9.3", "2.0.0", "0.9.0", "1.10.0-rc.1" })
        {
            await server.AddChartAsync("podinfo", version);
        }

        await server.AddChartAsync("other", "9.9.9");
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), null);
        var subscription = new ChartSubscription { RepoURL = server.RepoUrl.ToString(), Name = "podinfo" };

        var all = await discoverer.DiscoverAsync(subscription, null, false, CancellationToken.None);
        all.Versions.ShouldBe(["2.0.0", "1.10.0", "1.10.0-rc.1", "1.9.3", "1.0.0", "0.9.0"]);
        all.Name.ShouldBe("podinfo");
        all.RepoURL.ShouldBe(server.RepoUrl.ToString());

        var constrained = await discoverer.DiscoverAsync(subscription with { SemverConstraint = "^1.0.0", DiscoveryLimit = 2 }, null, false, CancellationToken.None);
        constrained.Versions.ShouldBe(["1.10.0", "1.9.3"]);
        constrained.SemverConstraint.ShouldBe("^1.0.0");

        var index = await new HelmIndexClient(http).GetIndexAsync(server.RepoUrl, null, CancellationToken.None);
        index.Entries["other"].Single().Urls.Single().ShouldBe(new Uri(server.RepoUrl, "other-9.9.9.tgz"));
    }

    [SkippableFact]
    public async Task A_missing_chart_and_a_missing_repository_fail_clearly()
    {
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), null);

        var chart = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(
            new ChartSubscription { RepoURL = server.RepoUrl.ToString(), Name = "no-such-chart" }, null, false, CancellationToken.None));
        chart.Kind.ShouldBe(HelmErrorKind.ChartNotFound);
        chart.Message.ShouldBe($"chart 'no-such-chart' not found in repository {server.RepoUrl}");

        var missing = new Uri(server.RepoUrl, "missing/");
        var repo = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(
            new ChartSubscription { RepoURL = missing.ToString(), Name = "x" }, null, false, CancellationToken.None));
        repo.Kind.ShouldBe(HelmErrorKind.RepositoryNotFound);
        repo.Message.ShouldContain("HTTP 404");

        var closed = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(
            new ChartSubscription { RepoURL = $"http://127.0.0.1:{FreePort.Next()}/charts", Name = "x" }, null, false, CancellationToken.None));
        closed.Kind.ShouldBe(HelmErrorKind.ConnectionFailed);
    }

    [Fact]
    public async Task Basic_auth_is_sent_and_a_wrong_password_fails_without_revealing_it()
    {
        const string index = "apiVersion: v1\nentries:\n  app:\n  - name: app\n    version: 3.1.4\n    urls: [app-3.1.4.tgz]\n";
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:right-pw"));
        await using var repo = LoopbackHttpServer.Start(context =>
            context.Request.Headers["Authorization"] == expected
                ? LoopbackHttpServer.RespondAsync(context, 200, "application/yaml", index)
                : LoopbackHttpServer.RespondAsync(context, (int)HttpStatusCode.Unauthorized, "text/plain", "no"));
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), null);
        var subscription = new ChartSubscription { RepoURL = repo.BaseUri.ToString(), Name = "app" };

        var ok = await discoverer.DiscoverAsync(subscription, new HelmCredential("alice", "right-pw"), false, CancellationToken.None);
        ok.Versions.ShouldBe(["3.1.4"]);

        var error = await Should.ThrowAsync<HelmException>(() =>
            discoverer.DiscoverAsync(subscription, new HelmCredential("alice", "wrong-pw-123"), false, CancellationToken.None));
        error.Kind.ShouldBe(HelmErrorKind.AuthenticationFailed);
        error.Message.ShouldBe($"authentication failed for {repo.BaseUri}: the chart repository rejected the credentials");
        error.Message.ShouldNotContain("wrong-pw-123");

        var anonymous = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(subscription, null, false, CancellationToken.None));
        anonymous.Kind.ShouldBe(HelmErrorKind.AuthenticationFailed);
        anonymous.Message.ShouldBe($"authentication failed for {repo.BaseUri}: the chart repository requires credentials and none were given");
    }

    [Fact]
    public async Task A_forbidden_index_says_access_was_denied()
    {
        await using var repo = LoopbackHttpServer.Start(context =>
            LoopbackHttpServer.RespondAsync(context, (int)HttpStatusCode.Forbidden, "text/plain", "no"));
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), null);
        var subscription = new ChartSubscription { RepoURL = repo.BaseUri.ToString(), Name = "app" };

        var error = await Should.ThrowAsync<HelmException>(() =>
            discoverer.DiscoverAsync(subscription, new HelmCredential("alice", "pw"), false, CancellationToken.None));

        error.Kind.ShouldBe(HelmErrorKind.AuthenticationFailed);
        error.Message.ShouldBe($"authentication failed for {repo.BaseUri}: the chart repository denied access (HTTP 403 Forbidden)");
    }

    [Fact]
    public async Task A_malformed_index_from_a_server_fails_as_malformed()
    {
        await using var repo = LoopbackHttpServer.Start(context =>
            LoopbackHttpServer.RespondAsync(context, 200, "text/html", "<html>maintenance: [</html>"));
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), null);

        var error = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(
            new ChartSubscription { RepoURL = repo.BaseUri.ToString(), Name = "app" }, null, false, CancellationToken.None));

        error.Kind.ShouldBe(HelmErrorKind.MalformedIndex);
    }

    [Fact]
    public async Task Oci_charts_list_tags_and_read_underscore_as_build_metadata()
    {
        var tags = new FixedOciTagLister("1.0.0", "1.2.0_build.7", "latest", "1.1.0", "0.1.0-alpha");
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), tags);

        var result = await discoverer.DiscoverAsync(
            new ChartSubscription { RepoURL = "oci://registry.example.com/charts/app", SemverConstraint = ">=1.0.0" },
            null,
            false,
            CancellationToken.None);

        result.Versions.ShouldBe(["1.2.0+build.7", "1.1.0", "1.0.0"]);
        tags.Requested.ShouldBe(["registry.example.com/charts/app"]);
    }

    [Theory]
    [InlineData("oci://registry.example.com/charts/app", "app", "name must be empty")]
    [InlineData("https://charts.example.com", null, "name is required")]
    [InlineData("https://charts.example.com", "app", "invalid version constraint")]
    public async Task Invalid_subscriptions_are_rejected(string url, string? name, string message)
    {
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), new FixedOciTagLister());
        var subscription = new ChartSubscription { RepoURL = url, Name = name, SemverConstraint = name == "app" && url.StartsWith("https", StringComparison.Ordinal) ? ">>1" : null };

        var error = await Should.ThrowAsync<HelmException>(() => discoverer.DiscoverAsync(subscription, null, false, CancellationToken.None));

        error.Kind.ShouldBe(HelmErrorKind.InvalidSubscription);
        error.Message.ShouldContain(message);
    }
}
