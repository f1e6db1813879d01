using System.Text.Json.Nodes;
using Dray.Cli.Infrastructure;
using Dray.Cli.Serve;
using Dray.Core.Model;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server;
using Dray.TestKit.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Tests.Serve;

/// <summary>
/// <c>dray quickstart</c>'s offline demo, end to end in one process: the local repositories, the applied project, the
/// Warehouse discovering the app's tag, and a promotion to dev that commits to the local GitOps repository.
/// </summary>
public sealed class QuickstartDemoTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("dray-quickstart-");
    private readonly StringWriter _out = new();
    private WebApplication _server = null!;
    private DemoRepositories _repos = null!;

    private string DataDirectory => Path.Combine(_dir.Path, "data");

    private IResourceStore Store => _server.Services.GetRequiredService<IResourceStore>();

    public async Task InitializeAsync()
    {
        var options = new DrayServerOptions
        {
            DataDirectory = DataDirectory,
            ListenAddress = "127.0.0.1:0",
            AdminPassword = "quickstart-test-password",
            AllowFileGitUrls = true,
        };
        _server = DrayServer.Build(options, TextWriter.Null);
        await _server.StartAsync();
        _repos = new DemoRepositories(DataDirectory);
        var ctx = new CliContext(_out, _out, TextReader.Null, false, _ => null, _dir.Path, _dir.Path, TimeProvider.System);
        await DemoProject.EnsureAsync(_server.Services, _repos, _server.Urls.First(), ctx, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Creates_the_app_and_gitops_repositories()
    {
        (await Git(_repos.AppPath, "tag", "--list")).Trim().ShouldBe("v1.0.0");
        var files = (await Git(_repos.GitOpsPath, "ls-tree", "-r", "--name-only", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        files.ShouldBe(["README.md", "base/deployment.yaml", "base/kustomization.yaml", "overlays/dev/kustomization.yaml", "overlays/prod/kustomization.yaml", "overlays/uat/kustomization.yaml"]);
        (await Git(_repos.GitOpsPath, "show", "main:overlays/uat/kustomization.yaml")).ShouldContain("- ../../base");
        _repos.AppUrl.ShouldStartWith("file:///");
        (await _repos.EnsureAsync(CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Applies_the_project_wired_to_the_local_repositories()
    {
        (await Names(ResourceKinds.Stage)).ShouldBe(["dev", "prod", "uat"]);
        var warehouse = await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, DemoProject.Name, "demo-app"), CancellationToken.None);
        warehouse!.Spec!["subscriptions"]![0]!["git"]!["repoURL"]!.GetValue<string>().ShouldBe(_repos.AppUrl);
        var config = await Store.GetAsync(new ResourceKey(ResourceKinds.ProjectConfig.Kind, DemoProject.Name, DemoProject.Name), CancellationToken.None);
        config!.Spec!["promotionPolicies"]!.AsArray().Select(p => p!["stageSelector"]!["name"]!.GetValue<string>()).ShouldBe(["dev", "uat"]);
        var uat = await Store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, DemoProject.Name, "uat"), CancellationToken.None);
        uat!.Spec!["verification"]!["analysisTemplates"]![0]!["name"]!.GetValue<string>().ShouldBe("dray-healthz");
        var prod = await Store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, DemoProject.Name, "prod"), CancellationToken.None);
        prod!.Spec!["requestedFreight"]![0]!["sources"]!["stages"]![0]!.GetValue<string>().ShouldBe("uat");
        var template = await Store.GetAsync(new ResourceKey(ResourceKinds.AnalysisTemplate.Kind, DemoProject.Name, "dray-healthz"), CancellationToken.None);
        template!.Spec!["metrics"]![0]!["provider"]!["web"]!["url"]!.GetValue<string>().ShouldBe(_server.Urls.First().TrimEnd('/') + "/healthz");
        var task = await Store.GetAsync(new ResourceKey(ResourceKinds.PromotionTask.Kind, DemoProject.Name, "update-overlay"), CancellationToken.None);
        task!.Spec!["steps"]![0]!["config"]!["repoURL"]!.GetValue<string>().ShouldBe(_repos.GitOpsUrl);
        _out.ToString().ShouldContain("demo project: kargo-demo (8 resources created)");
    }

    [Fact]
    public async Task The_app_tag_becomes_Freight_and_a_promotion_to_dev_commits_to_the_gitops_repository()
    {
        var freight = await WaitForFreightAsync("v1.0.0");

        // Auto-promotion may have started one already; either way a dev Promotion of this Freight must land.
        var name = await DevPromotionAsync(freight.Metadata.Name!)
            ?? (await _server.Services.GetRequiredService<PromotionCreator>()
                .CreateAsync(DemoProject.Name, "dev", freight.Metadata.Name!, "admin", CancellationToken.None)).Metadata.Name!;
        var done = await WaitForPromotionAsync(name);

        done.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, done.Status.Message);
        var commits = (await Git(_repos.GitOpsPath, "log", "--format=%H", "main", "--", "overlays/dev/kustomization.yaml"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        commits.Length.ShouldBe(2);
        (await Git(_repos.GitOpsPath, "show", "--name-only", "--format=", commits[0])).Trim().ShouldBe("overlays/dev/kustomization.yaml");
        (await Git(_repos.GitOpsPath, "log", "-1", "--format=%B", commits[0])).ShouldContain("demo-app:v1.0.0");
        var overlay = await Git(_repos.GitOpsPath, "show", "main:overlays/dev/kustomization.yaml");
        overlay.ShouldEndWith("images:\n- name: demo-app\n  newTag: v1.0.0\n");
    }

    [Fact]
    public async Task Dev_and_uat_auto_promote_and_prod_waits()
    {
        await WaitForFreightAsync("v1.0.0");

        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (!(await Git(_repos.GitOpsPath, "show", "main:overlays/uat/kustomization.yaml")).Contains("newTag: v1.0.0", StringComparison.Ordinal))
        {
            TimeProvider.System.GetUtcNow().ShouldBeLessThan(until, "uat was not auto-promoted");
            await Task.Delay(200);
        }

        (await Git(_repos.GitOpsPath, "show", "main:overlays/dev/kustomization.yaml")).ShouldContain("newTag: v1.0.0");
        (await Git(_repos.GitOpsPath, "show", "main:overlays/prod/kustomization.yaml")).ShouldNotContain("images:");
        var promotions = await Store.ListAsync(new ListQuery(ResourceKinds.Promotion.Kind, DemoProject.Name), CancellationToken.None);
        promotions.Items.ShouldNotContain(p => p.Name.StartsWith("prod.", StringComparison.Ordinal));
    }

    private async Task<string?> DevPromotionAsync(string freight)
    {
        var promotions = await Store.ListAsync(new ListQuery(ResourceKinds.Promotion.Kind, DemoProject.Name), CancellationToken.None);
        return promotions.Items.Select(KargoJson.FromDocument<Promotion>)
            .FirstOrDefault(p => p.Spec.Stage == "dev" && p.Spec.Freight == freight)?.Metadata.Name;
    }

    [Fact]
    public async Task Publishing_tags_the_next_version_which_becomes_new_Freight()
    {
        await WaitForFreightAsync("v1.0.0");

        var tag = await _repos.PublishNextAsync(CancellationToken.None);

        tag.ShouldBe("v1.1.0");
        (await Git(_repos.AppPath, "tag", "--list")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["v1.0.0", "v1.1.0"]);
        (await _repos.PublishNextAsync(CancellationToken.None)).ShouldBe("v1.2.0");
        await DemoProject.RefreshWarehouseAsync(_server.Services, "v1.2.0", CancellationToken.None);
        await WaitForFreightAsync("v1.2.0");
    }

    private async Task<Freight> WaitForFreightAsync(string tag)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (true)
        {
            var page = await Store.ListAsync(new ListQuery(ResourceKinds.Freight.Kind, DemoProject.Name), CancellationToken.None);
            var match = page.Items.Select(KargoJson.FromDocument<Freight>).FirstOrDefault(f => f.Commits?.Any(c => c.Tag == tag) == true);
            if (match is not null)
            {
                return match;
            }

            if (TimeProvider.System.GetUtcNow() > until)
            {
                var status = (await Store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, DemoProject.Name, "demo-app"), CancellationToken.None))?.Status;
                throw new TimeoutException($"no Freight for {tag} within {Deadline}; Warehouse status: {status?.ToJsonString()}");
            }

            await Task.Delay(200);
        }
    }

    private async Task<Promotion> WaitForPromotionAsync(string name)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (true)
        {
            var document = await Store.GetAsync(new ResourceKey(ResourceKinds.Promotion.Kind, DemoProject.Name, name), CancellationToken.None);
            var promotion = KargoJson.FromDocument<Promotion>(document!);
            if (PromotionPhases.IsTerminal(promotion.Status?.Phase) || TimeProvider.System.GetUtcNow() > until)
            {
                return promotion;
            }

            await Task.Delay(200);
        }
    }

    private async Task<List<string>> Names(ResourceKind kind) =>
        (await Store.ListAsync(new ListQuery(kind.Kind, DemoProject.Name), CancellationToken.None)).Items.Select(i => i.Name).Order(StringComparer.Ordinal).ToList();

    private static Task<string> Git(string repo, params string[] args) => DemoGit.RunAsync(repo, args, CancellationToken.None);
}
