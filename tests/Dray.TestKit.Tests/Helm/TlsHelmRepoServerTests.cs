using System.Net;
using System.Security.Authentication;
using Dray.TestKit.Helm;

namespace Dray.TestKit.Tests.Helm;

public sealed class TlsHelmRepoServerTests(TlsHelmRepoServer server) : IClassFixture<TlsHelmRepoServer>
{
    [SkippableFact]
    public async Task Serves_the_index_over_https_with_its_self_signed_certificate_only()
    {
        await server.AddChartAsync("web", "1.0.0");
        server.IndexUrl.ToString().ShouldStartWith("https://127.0.0.2:");
        using var strict = new HttpClient();
        var refused = await Should.ThrowAsync<HttpRequestException>(() => strict.GetAsync(server.IndexUrl));
        refused.InnerException.ShouldBeOfType<AuthenticationException>();

        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => server.Certificate.Matches(presented) },
        });
        using var response = await pinned.GetAsync(server.IndexUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("web-1.0.0.tgz");
    }
}
