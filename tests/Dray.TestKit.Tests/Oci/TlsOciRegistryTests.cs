using System.Net;
using System.Security.Authentication;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

public sealed class TlsOciRegistryTests(TlsOciRegistry registry)
    : OciRegistryTests<TlsOciRegistry>(registry), IClassFixture<TlsOciRegistry>
{
    [SkippableFact]
    public async Task Speaks_https_on_127_0_0_2_with_its_self_signed_certificate_only()
    {
        Registry.Host.ShouldStartWith("127.0.0.2:");
        Registry.BaseUri.Scheme.ShouldBe("https");
        using var strict = new HttpClient();
        var refused = await Should.ThrowAsync<HttpRequestException>(() => strict.GetAsync(new Uri(Registry.BaseUri, "v2/")));
        refused.InnerException.ShouldBeOfType<AuthenticationException>();

        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => Registry.Certificate.Matches(presented) },
        });
        using var response = await pinned.GetAsync(new Uri(Registry.BaseUri, "v2/"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
