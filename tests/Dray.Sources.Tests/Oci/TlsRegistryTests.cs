using System.Security.Cryptography.X509Certificates;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Oci;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Tests.Oci;

/// <summary>
/// Image discovery against a real registry speaking HTTPS with a self-signed certificate: accepted only with
/// <c>insecureSkipTLSVerify</c> or a trusted CA, otherwise a clear, non-transient error after a single attempt.
/// </summary>
public sealed class TlsRegistryTests(TlsOciRegistry registry) : IClassFixture<TlsOciRegistry>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task SemVer_discovery_with_insecureSkipTLSVerify_picks_the_right_tag_and_digest()
    {
        var digests = new Dictionary<string, string>();
        foreach (var (tag, minute) in new[] { ("1.0.0", 1), ("1.4.0", 2), ("2.0.0", 3) })
        {
            digests[tag] = await RegistryImages.PushAsync(registry, "tls/semver", tag, minute);
        }

        await using var provider = new ServiceCollection().AddOciImageDiscovery().BuildServiceProvider();
        using var timeout = new CancellationTokenSource(Deadline);

        var result = await provider.GetRequiredService<ImageDiscoverer>().DiscoverAsync(
            new ImageSubscription { RepoURL = $"{registry.Host}/tls/semver", Constraint = "^1.0.0", InsecureSkipTLSVerify = true },
            "app",
            null,
            timeout.Token);

        registry.BaseUri.Scheme.ShouldBe("https");
        ImageReference.Parse($"{registry.Host}/tls/semver").PlainHttp.ShouldBeFalse("127.0.0.2 is not one of the plain-HTTP hosts");
        result.References!.Select(r => r.Tag).ShouldBe(["1.4.0", "1.0.0"]);
        result.References!.Select(r => r.Digest).ShouldBe([digests["1.4.0"], digests["1.0.0"]]);
        result.References![0].CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(2));
    }

    [SkippableFact]
    public async Task Without_insecureSkipTLSVerify_discovery_fails_once_saying_the_certificate_is_not_trusted()
    {
        await RegistryImages.PushAsync(registry, "tls/untrusted", "1.0.0", 1);
        using var oci = new OciTestClient();
        using var timeout = new CancellationTokenSource(Deadline);

        var error = await Should.ThrowAsync<RegistryException>(() => oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/tls/untrusted" }, null, timeout.Token));

        error.Message.ShouldBe(
            $"registry {registry.Host} presented a TLS certificate that is not trusted (self-signed or issued by an unknown CA): "
            + "trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription");
        error.IsTransient.ShouldBeFalse();
        oci.Log.Requests.Count.ShouldBe(1, "retrying cannot make a certificate trusted");
    }

    [SkippableFact]
    public async Task A_client_that_trusts_the_certificate_discovers_without_insecureSkipTLSVerify()
    {
        var digest = await RegistryImages.PushAsync(registry, "tls/trusted", "3.1.0", 1);
        using var trusted = X509Certificate2.CreateFromPem(registry.Certificate.CertificatePem);
        var services = new ServiceCollection().AddOciImageDiscovery();
        services.AddHttpClient(OciRegistryClientOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions =
            {
                CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { trusted } },
            },
        });
        await using var provider = services.BuildServiceProvider();
        using var timeout = new CancellationTokenSource(Deadline);

        var result = await provider.GetRequiredService<ImageDiscoverer>().DiscoverAsync(
            new ImageSubscription { RepoURL = $"{registry.Host}/tls/trusted" }, "app", null, timeout.Token);

        result.References!.ShouldHaveSingleItem().Digest.ShouldBe(digest);
    }
}
