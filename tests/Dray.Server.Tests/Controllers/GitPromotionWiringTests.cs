using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Server.Tests.Controllers;

/// <summary>The server runs the git steps: a promotion clones, writes, commits and pushes with the project's encrypted git Secret.</summary>
public sealed class GitPromotionWiringTests(GitHttpServer git) : IClassFixture<GitHttpServer>
{
    [SkippableFact]
    public async Task A_promotion_of_git_freight_clones_commits_and_pushes_through_the_server()
    {
        using var source = new TempDirectory("dray-wired-promo-");
        await File.WriteAllTextAsync(Path.Combine(source.Path, "README.md"), "hello\n");
        await git.SeedRepoAsync("wired-promo", source.Path);
        var url = git.RepoUrl("wired-promo");
        await using var host = await ServerHost.StartAsync(tweak: o => o.Controllers = true);
        using var admin = await host.AdminAsync();
        var yaml = ManifestText.Join(ManifestText.Project("wired-promo"), $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: git-creds
              namespace: wired-promo
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
              namespace: wired-promo
            spec:
              subscriptions:
              - git:
                  repoURL: {url}
                  branch: main
            """, $$$"""
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: test
              namespace: wired-promo
            spec:
              requestedFreight:
              - origin: {kind: Warehouse, name: config}
                sources: {direct: true}
              promotionTemplate:
                spec:
                  steps:
                  - uses: git-clone
                    config:
                      repoURL: {{{url}}}
                      checkout: [{branch: main, path: ./src}]
                  - uses: file-write
                    config:
                      path: ./src/stages/test.txt
                      contents: "promoted ${{ ctx.stage }}\n"
                  - uses: git-commit
                    as: commit
                    config: {path: ./src, message: "promote ${{ ctx.stage }}"}
                  - uses: git-push
                    as: push
                    config: {path: ./src, targetBranch: release}
            """);
        (await admin.PostAsync("/api/v1/resources", ManifestText.Yaml(yaml))).EnsureSuccessStatusCode();
        var freight = await ControllerWiringTests.WaitForFreightAsync(admin, "wired-promo", TimeSpan.FromSeconds(20));

        var created = await admin.PostAsJsonAsync("/api/v1/projects/wired-promo/stages/test/promotions", new { freight = freight.GetProperty("metadata").GetProperty("name").GetString() });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var name = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metadata").GetProperty("name").GetString()!;
        var promotion = await WaitForTerminalAsync(admin, name, TimeSpan.FromSeconds(60));

        var status = promotion.GetProperty("status");
        status.GetProperty("phase").GetString().ShouldBe("Succeeded", status.ToString());
        var pushed = status.GetProperty("state").GetProperty("push").GetProperty("commit").GetString();
        (await GitCli.OutputAsync(git.RepoPath("wired-promo"), ["rev-parse", "release"], CancellationToken.None)).ShouldBe(pushed);
        (await GitCli.OutputAsync(git.RepoPath("wired-promo"), ["show", "release:stages/test.txt"], CancellationToken.None)).ShouldBe("promoted test");
        (await GitCli.OutputAsync(git.RepoPath("wired-promo"), ["log", "-1", "--format=%B", "release"], CancellationToken.None))
            .ShouldBe($"promote test\n\nDray-Promotion: {name}");
    }

    private static async Task<JsonElement> WaitForTerminalAsync(HttpClient client, string name, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var promotion = await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/wired-promo/promotions/{name}");
            if (promotion.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("phase", out var phase) && phase.GetString() is "Succeeded" or "Failed" or "Errored" or "Aborted")
            {
                return promotion;
            }

            clock.Elapsed.ShouldBeLessThan(timeout, $"promotion {name} did not finish: {promotion}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
