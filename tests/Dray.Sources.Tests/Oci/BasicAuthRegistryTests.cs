using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class BasicAuthRegistryTests(BasicAuthOciRegistry registry)
    : AuthenticatedRegistryTests<BasicAuthOciRegistry>(registry), IClassFixture<BasicAuthOciRegistry>
{
    [SkippableFact]
    public async Task Sends_Basic_after_the_first_challenge_without_asking_again()
    {
        await RegistryImages.PushAsync(Registry, "basic", "1.0.0", 1);
        await RegistryImages.PushAsync(Registry, "basic", "1.1.0", 2);
        using var oci = new OciTestClient();

        await oci.Discoverer.DiscoverAsync(new ImageDiscoveryRequest { RepoUrl = $"{Registry.Host}/basic" }, Credential, CancellationToken.None);

        var requests = oci.Log.Requests;
        requests[0].Authorization.ShouldBeNull();
        requests.Skip(1).ShouldAllBe(r => r.Authorization != null && r.Authorization.StartsWith("Basic "));
        requests.Count.ShouldBe(1 + 1 + 2 * 3, "one challenge, the tag list, then HEAD + GET + config for both tags");
    }
}
