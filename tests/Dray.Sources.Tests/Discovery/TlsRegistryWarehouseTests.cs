using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Oci;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// The Warehouse controller against a registry with a self-signed certificate: Ready=False saying the certificate is
/// not trusted and what to do, until the subscription sets <c>insecureSkipTLSVerify</c>.
/// </summary>
public sealed class TlsRegistryWarehouseTests(TlsOciRegistry registry) : IClassFixture<TlsOciRegistry>
{
    [SkippableFact]
    public async Task An_untrusted_certificate_is_the_ready_message_and_insecureSkipTLSVerify_makes_freight()
    {
        var digest = await RegistryImages.PushAsync(registry, "tls/warehouse", "1.2.3", 1);
        var repoUrl = $"{registry.Host}/tls/warehouse";
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();

        await host.CreateWarehouseAsync("strict", new RepoSubscription { Image = new ImageSubscription { RepoURL = repoUrl } });
        var failed = await WaitForReadyAsync(host, "strict", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe(
            $"image \"{repoUrl}\": registry {registry.Host} presented a TLS certificate that is not trusted "
            + "(self-signed or issued by an unknown CA): trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription");

        await host.CreateWarehouseAsync("lenient", new RepoSubscription { Image = new ImageSubscription { RepoURL = repoUrl, InsecureSkipTLSVerify = true } });
        var ready = await WaitForReadyAsync(host, "lenient", ConditionStatus.True);

        ready.Status!.DiscoveredArtifacts!.Images!.Single().References!.Single().Digest.ShouldBe(digest);
        await WarehouseHost.WaitForAsync(async () => (await host.ListFreightAsync()).Any(f => f.Images?.Any(i => i.Digest == digest) == true));
    }

    [SkippableFact]
    public async Task An_oci_chart_repository_with_an_untrusted_certificate_fails_clearly_and_insecureSkipTLSVerify_lists_its_versions()
    {
        await RegistryImages.PushAsync(registry, "tls/charts/web", "0.9.0", 1);
        await RegistryImages.PushAsync(registry, "tls/charts/web", "1.1.0", 2);
        var repoUrl = $"oci://{registry.Host}/tls/charts/web";
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();

        await host.CreateWarehouseAsync("strict", new RepoSubscription { Chart = new ChartSubscription { RepoURL = repoUrl } });
        var failed = await WaitForReadyAsync(host, "strict", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe(
            $"chart \"{repoUrl}\": listing tags of {repoUrl} failed: registry {registry.Host} presented a TLS certificate that is not trusted "
            + "(self-signed or issued by an unknown CA): trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription");

        await host.CreateWarehouseAsync("lenient", new RepoSubscription { Chart = new ChartSubscription { RepoURL = repoUrl, InsecureSkipTLSVerify = true } });
        var ready = await WaitForReadyAsync(host, "lenient", ConditionStatus.True);

        ready.Status!.DiscoveredArtifacts!.Charts!.Single().Versions.ShouldBe(["1.1.0", "0.9.0"]);
    }
}
