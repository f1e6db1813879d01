using System.Net;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

/// <summary>Shared checks for the modes that require credentials.</summary>
public abstract class AuthenticatedOciRegistryTests<TRegistry>(TRegistry registry) : OciRegistryTests<TRegistry>(registry)
    where TRegistry : OciRegistry
{
    [SkippableFact]
    public async Task Anonymous_push_is_rejected()
    {
        using var dir = new TempDirectory();
        await OciImageBuilder.WriteAsync(dir.Path, Image(5));

        var result = await Skopeo.CopyAsync(dir.Path, Registry.Reference("anon", "1.0.0"), credentials: null);

        result.ExitCode.ShouldNotBe(0, result.ToString());
    }

    [SkippableFact]
    public async Task Wrong_password_is_rejected()
    {
        using var dir = new TempDirectory();
        await OciImageBuilder.WriteAsync(dir.Path, Image(6));
        var wrong = Registry.Credentials! with { Password = "not-the-password" };

        var result = await Skopeo.CopyAsync(dir.Path, Registry.Reference("wrong", "1.0.0"), wrong);

        result.ExitCode.ShouldNotBe(0, result.ToString());
    }

    [SkippableFact]
    public async Task Unauthenticated_api_call_gets_a_challenge()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(Registry.BaseUri, "v2/"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
    }
}
