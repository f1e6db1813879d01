using System.Net;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

public sealed class BasicAuthOciRegistryTests(BasicAuthOciRegistry registry)
    : AuthenticatedOciRegistryTests<BasicAuthOciRegistry>(registry), IClassFixture<BasicAuthOciRegistry>
{
    [SkippableFact]
    public async Task Challenge_is_basic()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(Registry.BaseUri, "v2/"));

        response.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Basic");
    }
}
