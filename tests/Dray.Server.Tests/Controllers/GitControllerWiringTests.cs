using Dray.Server.Tests.Support;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Server.Tests.Controllers;

/// <summary>Git discovery is wired too, and reads its credentials through the server's encrypted Secrets.</summary>
public sealed class GitControllerWiringTests(GitHttpServer git) : IClassFixture<GitHttpServer>
{
    [SkippableFact]
    public async Task A_warehouse_subscribed_to_a_private_git_repo_produces_freight_with_the_commit()
    {
        using var source = new TempDirectory("dray-wired-git-");
        await File.WriteAllTextAsync(Path.Combine(source.Path, "README.md"), "hello\n");
        var commit = await git.SeedRepoAsync("wired", source.Path);
        var url = git.RepoUrl("wired");
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        var yaml = ManifestText.Join(ManifestText.Project("wired-git"), $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: git-creds
              namespace: wired-git
              labels:
                kargo.akuity.io/cred-type: git
            stringData:
              repoURL: {url}
              username: {git.Username}
              password: {git.Password}
            """, $"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: config
              namespace: wired-git
            spec:
              subscriptions:
              - git:
                  repoURL: {url}
                  branch: main
            """);
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml))).EnsureSuccessStatusCode();

        var freight = await ControllerWiringTests.WaitForFreightAsync(admin, "wired-git", TimeSpan.FromSeconds(60));

        var found = freight.GetProperty("commits").EnumerateArray().Single();
        found.GetProperty("id").GetString().ShouldBe(commit.Trim());
        found.GetProperty("repoURL").GetString().ShouldBe(url);
    }
}
