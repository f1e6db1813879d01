using System.Net;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

public sealed class AnonymousOciRegistryTests(AnonymousOciRegistry registry)
    : OciRegistryTests<AnonymousOciRegistry>(registry), IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Catalog_is_open_to_anyone()
    {
        await Registry.PushImageAsync("open", "1.0.0", Image(4));
        using var client = new HttpClient();

        var catalog = await client.GetStringAsync(new Uri(Registry.BaseUri, "v2/_catalog"));

        catalog.ShouldContain("\"open\"");
        Registry.Credentials.ShouldBeNull();
    }
}
