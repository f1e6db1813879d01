using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Helm;
using Dray.TestKit.Oci;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// Chart repositories behind Basic auth (nginx with htpasswd; docker-registry with htpasswd for <c>oci://</c>) read
/// through a <c>kargo.akuity.io/cred-type: helm</c> Secret, with the Warehouse controller running: a rotated or wrong
/// password is a clear Ready message without the password, and an updated Secret recovers without a refresh.
/// </summary>
public sealed class ChartCredentialTests(BasicAuthHelmRepoServer server, BasicAuthOciRegistry registry)
    : IClassFixture<BasicAuthHelmRepoServer>, IClassFixture<BasicAuthOciRegistry>, IAsyncLifetime
{
    // xunit makes an instance per test; the fixture's index needs the chart once.
    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(server.ChartsPath, "web-1.0.0.tgz")))
        {
            await server.AddChartAsync("web", "1.0.0");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task A_rotated_password_fails_as_rejected_credentials_without_the_password_and_an_updated_secret_recovers()
    {
        var repoUrl = server.RepoUrl.ToString();
        var username = server.Credentials!.Username;
        var oldPassword = server.Credentials.Password;
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("charts", CredentialType.Helm, repoUrl, username, oldPassword);
        await host.CreateWarehouseAsync("app", Chart(repoUrl, "web"));
        var ready = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        ready.Status!.DiscoveredArtifacts!.Charts!.Single().Versions.ShouldBe(["1.0.0"]);

        var newPassword = $"rotated-{Guid.NewGuid():N}";
        await server.ChangePasswordAsync(newPassword);
        await host.RefreshAsync("app", "after-rotation");
        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"chart \"{repoUrl}\" web: authentication failed for {repoUrl}: the chart repository rejected the credentials");
        failed.Status!.DiscoveredArtifacts!.Charts!.Single().Versions.ShouldBe(["1.0.0"], "the last good discovery stays");
        await ShouldNotLeakAsync(host, "app", username, oldPassword, newPassword);

        await host.UpdateSecretPasswordAsync("charts", newPassword);
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.LastHandledRefresh.ShouldBe("after-rotation", "recovery came from the controller, not from another refresh");
        await ShouldNotLeakAsync(host, "app", username, oldPassword, newPassword);
    }

    [SkippableFact]
    public async Task A_wrong_password_from_the_start_and_no_secret_at_all_have_their_own_messages()
    {
        var repoUrl = server.RepoUrl.ToString();
        var username = server.Credentials!.Username;
        const string wrong = "wrong-chart-password-4711";
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("charts", CredentialType.Helm, repoUrl, username, wrong);
        await host.CreateWarehouseAsync("wrong", Chart(repoUrl, "web"));

        var failed = await WaitForReadyAsync(host, "wrong", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe($"chart \"{repoUrl}\" web: authentication failed for {repoUrl}: the chart repository rejected the credentials");
        await ShouldNotLeakAsync(host, "wrong", username, wrong, server.Credentials.Password);

        // A git Secret for the same URL is not a helm one: the index is requested without credentials.
        await using var other = new WarehouseHost(FastBackoff);
        other.StartRunner();
        await other.CreateSecretAsync("git-only", CredentialType.Git, repoUrl, username, server.Credentials.Password);
        await other.CreateWarehouseAsync("anonymous", Chart(repoUrl, "web"));
        var anonymous = await WaitForReadyAsync(other, "anonymous", ConditionStatus.False);

        Ready(anonymous)!.Message.ShouldBe(
            $"chart \"{repoUrl}\" web: authentication failed for {repoUrl}: the chart repository requires credentials and none were given");
    }

    [SkippableFact]
    public async Task An_oci_chart_with_a_wrong_password_says_the_registry_rejected_the_credentials_and_a_fixed_secret_recovers()
    {
        await RegistryImages.PushAsync(registry, "guarded/charts/web", "1.2.0", 1);
        var repoUrl = $"oci://{registry.Host}/guarded/charts/web";
        var username = registry.Credentials!.Username;
        const string wrong = "wrong-oci-password-4711";
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("oci-charts", CredentialType.Helm, repoUrl, username, wrong);
        await host.CreateWarehouseAsync("app", new RepoSubscription { Chart = new ChartSubscription { RepoURL = repoUrl } });

        var failed = await WaitForReadyAsync(host, "app", ConditionStatus.False);

        Ready(failed)!.Message.ShouldBe(
            $"chart \"{repoUrl}\": authentication failed for {repoUrl}: registry {registry.Host} rejected the credentials for guarded/charts/web");
        await ShouldNotLeakAsync(host, "app", username, wrong, registry.Credentials.Password);

        await host.UpdateSecretPasswordAsync("oci-charts", registry.Credentials.Password);
        var recovered = await WaitForReadyAsync(host, "app", ConditionStatus.True);
        recovered.Status!.DiscoveredArtifacts!.Charts!.Single().Versions.ShouldBe(["1.2.0"]);
        await ShouldNotLeakAsync(host, "app", username, wrong, registry.Credentials.Password);
    }

    private static RepoSubscription Chart(string repoUrl, string name) =>
        new() { Chart = new ChartSubscription { RepoURL = repoUrl, Name = name } };
}
