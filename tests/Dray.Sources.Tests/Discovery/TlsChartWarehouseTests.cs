using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.TestKit.Helm;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// The Warehouse controller against a chart repository over HTTPS with a self-signed certificate: Ready=False saying
/// the certificate is not trusted and what to do, until the subscription sets <c>insecureSkipTLSVerify</c>.
/// </summary>
public sealed class TlsChartWarehouseTests(TlsHelmRepoServer server) : IClassFixture<TlsHelmRepoServer>
{
    [SkippableFact]
    public async Task An_untrusted_certificate_is_the_ready_message_and_insecureSkipTLSVerify_discovers_the_versions()
    {
        await server.AddChartAsync("web", "1.0.0");
        await server.AddChartAsync("web", "1.2.0");
        var repoUrl = server.RepoUrl.ToString();
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();

        await host.CreateWarehouseAsync("strict", new RepoSubscription { Chart = new ChartSubscription { RepoURL = repoUrl, Name = "web" } });
        var failed = await WaitForReadyAsync(host, "strict", ConditionStatus.False);

        repoUrl.ShouldStartWith("https://127.0.0.2:");
        Ready(failed)!.Message.ShouldBe(
            $"chart \"{repoUrl}\" web: chart repository {repoUrl} presented a TLS certificate that is not trusted "
            + "(self-signed or issued by an unknown CA): trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription");

        await host.CreateWarehouseAsync(
            "lenient", new RepoSubscription { Chart = new ChartSubscription { RepoURL = repoUrl, Name = "web", InsecureSkipTLSVerify = true } });
        var ready = await WaitForReadyAsync(host, "lenient", ConditionStatus.True);

        ready.Status!.DiscoveredArtifacts!.Charts!.Single().Versions.ShouldBe(["1.2.0", "1.0.0"]);
    }
}
