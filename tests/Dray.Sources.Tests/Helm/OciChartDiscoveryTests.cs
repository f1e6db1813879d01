using Dray.Core.Model.Warehouses;
using Dray.Sources.Helm;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Helm;

public sealed class OciChartDiscoveryTests(BasicAuthOciRegistry registry) : IClassFixture<BasicAuthOciRegistry>, IDisposable
{
    private readonly OciTestClient oci = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        oci.Dispose();
        http.Dispose();
    }

    [SkippableFact]
    public async Task Oci_chart_versions_come_from_registry_tags_with_underscore_read_as_plus()
    {
        await RegistryImages.PushAsync(registry, "charts/app", "1.0.0", 1);
        await RegistryImages.PushAsync(registry, "charts/app", "1.1.0_build.3", 2);
        await RegistryImages.PushAsync(registry, "charts/app", "latest", 3);
        var credential = new HelmCredential(registry.Credentials!.Username, registry.Credentials.Password);
        var discoverer = new ChartDiscoverer(new HelmIndexClient(http), new OciRegistryTagLister(oci.Client));
        var subscription = new ChartSubscription { RepoURL = $"oci://{registry.Host}/charts/app" };

        var result = await discoverer.DiscoverAsync(subscription, credential, false, CancellationToken.None);

        result.Versions.ShouldBe(["1.1.0+build.3", "1.0.0"]);
        var wrong = await Should.ThrowAsync<HelmException>(() =>
            discoverer.DiscoverAsync(subscription, new HelmCredential(registry.Credentials!.Username, "nope-pw-77"), false, CancellationToken.None));
        wrong.Kind.ShouldBe(HelmErrorKind.AuthenticationFailed);
        wrong.Message.ShouldNotContain("nope-pw-77");
    }
}
