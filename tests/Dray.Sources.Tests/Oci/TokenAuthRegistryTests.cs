using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class TokenAuthRegistryTests(TokenAuthOciRegistry registry)
    : AuthenticatedRegistryTests<TokenAuthOciRegistry>(registry), IClassFixture<TokenAuthOciRegistry>
{
    [SkippableFact]
    public async Task Caches_the_pull_token_per_scope_until_it_expires()
    {
        await RegistryImages.PushAsync(Registry, "tokens/one", "1.0.0", 1);
        await RegistryImages.PushAsync(Registry, "tokens/two", "1.0.0", 2);
        using var oci = new OciTestClient();
        var before = Registry.TokenIssuer.TokensIssued;

        await oci.Discoverer.DiscoverAsync(new ImageDiscoveryRequest { RepoUrl = $"{Registry.Host}/tokens/one" }, Credential, CancellationToken.None);
        await oci.Discoverer.DiscoverAsync(new ImageDiscoveryRequest { RepoUrl = $"{Registry.Host}/tokens/one" }, Credential, CancellationToken.None);
        var afterSameScope = Registry.TokenIssuer.TokensIssued;
        await oci.Discoverer.DiscoverAsync(new ImageDiscoveryRequest { RepoUrl = $"{Registry.Host}/tokens/two" }, Credential, CancellationToken.None);

        (afterSameScope - before).ShouldBe(1);
        (Registry.TokenIssuer.TokensIssued - before).ShouldBe(2);
        oci.Log.Requests.Where(r => r.Uri.AbsolutePath != "/token" && r.Authorization != null)
            .ShouldAllBe(r => r.Authorization!.StartsWith("Bearer "));
    }
}
