using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Tests.Git;

public sealed class TlsGitHttpServerTests(TlsGitHttpServer server) : IClassFixture<TlsGitHttpServer>
{
    [SkippableFact]
    public async Task Serves_https_that_git_accepts_only_when_it_trusts_the_certificate()
    {
        using var source = new TempDirectory("dray-git-tls-kit-");
        await File.WriteAllTextAsync(source.File("a.txt"), "a\n");
        var commit = await server.SeedRepoAsync("kit", source.Path);
        var url = server.RepoUrl("kit");
        url.ShouldStartWith("https://127.0.0.2:");

        var trusted = await GitCli.RunCheckedAsync(source.Path, server.Credentials, ["ls-remote", "--", url, "refs/heads/main"], CancellationToken.None);
        trusted.StandardOutput.ShouldStartWith(commit);

        var untrusted = await GitCli.RunAsync(
            source.Path, GitCli.BasicAuthEnvironment(server.Username, server.Password), ["ls-remote", "--", url], CancellationToken.None);
        untrusted.Succeeded.ShouldBeFalse();
        untrusted.StandardError.ShouldContain("certificate");
    }
}
