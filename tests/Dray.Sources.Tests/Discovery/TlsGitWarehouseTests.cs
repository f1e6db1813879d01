using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Warehouses;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using static Dray.Sources.Tests.Discovery.WarehouseFailures;

namespace Dray.Sources.Tests.Discovery;

/// <summary>
/// The Warehouse controller against a git server over HTTPS with a self-signed certificate: Ready=False saying the
/// certificate is not trusted and what to do, until the subscription sets <c>insecureSkipTLSVerify</c>.
/// </summary>
public sealed class TlsGitWarehouseTests(TlsGitHttpServer server) : IClassFixture<TlsGitHttpServer>
{
    [SkippableFact]
    public async Task An_untrusted_certificate_is_the_ready_message_and_insecureSkipTLSVerify_discovers_the_commit()
    {
        using var source = new TempDirectory("dray-git-tls-");
        await File.WriteAllTextAsync(source.File("app.yaml"), "name: tls\n");
        var commit = await server.SeedRepoAsync("tls", source.Path);
        var url = server.RepoUrl("tls");
        await using var host = new WarehouseHost(FastBackoff);
        host.StartRunner();
        await host.CreateSecretAsync("git", CredentialType.Git, url, server.Username, server.Password);

        await host.CreateWarehouseAsync("strict", new RepoSubscription { Git = new GitSubscription { RepoURL = url } });
        var failed = await WaitForReadyAsync(host, "strict", ConditionStatus.False);

        url.ShouldStartWith("https://127.0.0.2:");
        Ready(failed)!.Message.ShouldStartWith($"git \"{url}\": the TLS certificate of {url} is not trusted (");
        Ready(failed)!.Message.ShouldEndWith("): trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription");
        Ready(failed)!.Message.ShouldNotContain("fatal:");
        Ready(failed)!.Message.ShouldNotContain("CAfile");
        await ShouldNotLeakAsync(host, "strict", server.Username, server.Password);

        await host.CreateWarehouseAsync("lenient", new RepoSubscription { Git = new GitSubscription { RepoURL = url, InsecureSkipTLSVerify = true } });
        var ready = await WaitForReadyAsync(host, "lenient", ConditionStatus.True);

        ready.Status!.DiscoveredArtifacts!.Git!.Single().Commits![0].Id.ShouldBe(commit);
    }
}
