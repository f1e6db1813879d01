using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

/// <summary>The same behaviour against Basic and token registries; subclassed once per auth mode.</summary>
public abstract class AuthenticatedRegistryTests<TRegistry>(TRegistry registry)
    where TRegistry : OciRegistry
{
    protected TRegistry Registry => registry;

    protected RegistryCredential Credential => new(registry.Credentials!.Username, registry.Credentials.Password);

    [SkippableFact]
    public async Task Discovers_with_the_right_credentials()
    {
        var digest = await RegistryImages.PushAsync(registry, "team/app", "1.2.3", 5);
        await RegistryImages.PushAsync(registry, "team/app", "1.3.0-rc.1", 6);
        using var oci = new OciTestClient();

        var result = await oci.Discoverer.DiscoverAsync(new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/team/app", Constraint = "^1.0.0" }, Credential, CancellationToken.None);

        var reference = result.References!.ShouldHaveSingleItem();
        (reference.Tag, reference.Digest).ShouldBe(("1.2.3", digest));
        reference.CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(5));
    }

    [SkippableFact]
    public async Task A_wrong_password_is_a_clear_error_without_the_password()
    {
        await RegistryImages.PushAsync(registry, "nginx", "1.0.0", 1);
        using var oci = new OciTestClient();
        const string wrong = "Wr0ng-Pa55word-4242";

        var error = await Should.ThrowAsync<RegistryAuthenticationException>(() => oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/nginx" }, new RegistryCredential(registry.Credentials!.Username, wrong), CancellationToken.None));

        error.Message.ShouldBe($"registry {registry.Host} rejected the credentials for nginx");
        error.ToString().ShouldNotContain(wrong);
        error.ToString().ShouldNotContain(registry.Credentials!.Password);
        error.IsTransient.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task No_credentials_is_a_clear_error()
    {
        await RegistryImages.PushAsync(registry, "private", "1.0.0", 1);
        using var oci = new OciTestClient();

        var error = await Should.ThrowAsync<RegistryAuthenticationException>(() => oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/private" }, null, CancellationToken.None));

        error.Message.ShouldStartWith($"registry {registry.Host} ");
        error.Message.ShouldContain("private");
    }

    [SkippableFact]
    public async Task Probe_learns_the_challenge_and_authenticates()
    {
        using var oci = new OciTestClient();

        await oci.Client.ProbeAsync(new RegistryConnection(ImageReference.Parse($"{registry.Host}/probe"), Credential), CancellationToken.None);

        oci.Log.Requests.Last(r => r.Uri.AbsolutePath == "/v2/").Authorization.ShouldNotBeNull();
    }
}
