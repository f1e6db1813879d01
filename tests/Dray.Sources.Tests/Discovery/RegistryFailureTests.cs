using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// A registry behind Basic auth that answers 5xx, rotates its password, or lacks the repository, with the Warehouse
/// controller running: clear conditions, no secret in them, recovery without a refresh.
/// </summary>
public sealed class RegistryFailureTests(BasicAuthOciRegistry registry) : IClassFixture<BasicAuthOciRegistry>
{
    [SkippableFact]
    public async Task A_registry_answering_503_says_so_in_words_and_the_warehouse_recovers_when_it_heals()
    {
        await RegistryImages.PushAsync(registry, "sick/app", "1.0.0", 1);
        await using var proxy = FaultProxy.Start(registry.BaseUri.Port);
        var repoUrl = $"{proxy.Host}/sick/app";
        await using var host = await StartAsync(repoUrl);

        proxy.FailWith(503);
        await host.RefreshAsync("app", "while-sick");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe(
            $"image \"{repoUrl}\": registry {proxy.Host} answered HTTP 503 Service Unavailable for the tags of sick/app: the server is down or overloaded");
        Healthy(failed)!.Message.ShouldMatch(@"; retrying in [0-9.]+m?s$");
        failed.Status!.DiscoveredArtifacts!.Images!.Single().References!.Single().Tag.ShouldBe("1.0.0", "the last good discovery stays");
        await ShouldNotLeakAsync(host, "app", registry.Credentials!.Username, registry.Credentials.Password);

        proxy.PassThrough();
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("while-sick", "recovery came from the backoff, not from another refresh");
    }

    [SkippableFact]
    public async Task A_rotated_password_fails_as_rejected_credentials_without_the_password_and_an_updated_secret_recovers()
    {
        await RegistryImages.PushAsync(registry, "rotated/app", "1.0.0", 1);
        var repoUrl = $"{registry.Host}/rotated/app";
        var oldPassword = registry.Credentials!.Password;
        await using var host = await StartAsync(repoUrl);

        var newPassword = $"rotated-{Guid.NewGuid():N}";
        await registry.ChangePasswordAsync(newPassword);
        await host.RefreshAsync("app", "after-rotation");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"image \"{repoUrl}\": registry {registry.Host} rejected the credentials for rotated/app");
        await ShouldNotLeakAsync(host, "app", registry.Credentials.Username, oldPassword, newPassword);

        await host.UpdateSecretPasswordAsync("registry", newPassword);
        await WaitForReadyAsync(host, "app", ConditionStatus.True);
        await ShouldNotLeakAsync(host, "app", registry.Credentials.Username, oldPassword, newPassword);
    }

    [SkippableFact]
    public async Task An_unknown_repository_is_reported_as_not_found()
    {
        var repoUrl = $"{registry.Host}/no/such-repository";
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateImageSecretAsync("registry", repoUrl, registry.Credentials!.Username, registry.Credentials.Password);
        await host.CreateWarehouseAsync("missing", repoUrl);

        var failed = await WaitForReadyAsync(host, "missing", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"image \"{repoUrl}\": repository no/such-repository not found on {registry.Host}");
        await ShouldNotLeakAsync(host, "missing", registry.Credentials.Username, registry.Credentials.Password);
    }

    /// <summary>A running controller with a Warehouse on <paramref name="repoUrl"/> that has discovered once.</summary>
    private async Task<WarehouseHost> StartAsync(string repoUrl)
    {
        var host = new WarehouseHost(FastBackoff);
        try
        {
            host.StartRunner();
            await host.CreateSecretAsync("registry", CredentialType.Image, repoUrl, registry.Credentials!.Username, registry.Credentials.Password);
            await host.CreateWarehouseAsync("app", repoUrl);
            await WaitForReadyAsync(host, "app", ConditionStatus.True);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
