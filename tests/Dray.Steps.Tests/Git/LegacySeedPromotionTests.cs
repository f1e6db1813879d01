using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dray.Core.FreightIdentity;
using Dray.Core.Manifests;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Promotions;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Sources.Git;
using Dray.Storage.Sqlite;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Steps.Tests.Git;

/// <summary>
/// The seed's v0.3 dev Stage (<c>promotionMechanisms</c> with a git repo update and kustomize images), converted on
/// apply, promoted by the real engine with the real steps against the real git server. Argo CD cannot run here, so
/// the converted <c>argocd-update</c> step is left out of the Stage (it is tested against the Argo CD spec elsewhere).
/// </summary>
public sealed class LegacySeedPromotionTests(GitHttpServer server) : IClassFixture<GitHttpServer>, IAsyncLifetime
{
    private const string Project = "kargo-demo";
    private const string FreightName = "0123456789abcdef0123456789abcdef01234567";
    private const string Overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\n";

    private readonly TempDirectory _dir = new("dray-legacy-seed-");
    private SqliteResourceStore _store = null!;
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = _dir.File("dray.db") }, TimeProvider.System);
        _services = new ServiceCollection()
            .AddSingleton(new GitMirrorManager(new GitMirrorOptions { DataDirectory = _dir.Sub("data") }))
            .AddManifestSteps()
            .AddGitSteps()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [SkippableFact]
    public async Task The_converted_dev_stage_pushes_the_commit_kargo_would_make()
    {
        var url = await SeedGitOpsRepoAsync();
        var seed = (await File.ReadAllTextAsync(SeedFixture())).Replace("${GITOPS_REPO_URL}", url, StringComparison.Ordinal);
        await new ManifestApplier(_store, new KargoManifestSchemas())
            .ApplyAsync([new ManifestSource("seed.yaml", seed)], new ApplyOptions(), CancellationToken.None);
        await WithoutArgoCdAsync("dev");
        await StoreAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = "gitops-creds", Namespace = Project, Labels = new Dictionary<string, string> { [Secret.CredentialTypeLabel] = CredentialType.Git } },
            StringData = new Dictionary<string, string> { ["repoURL"] = url, ["username"] = server.Username, ["password"] = server.Password },
        });
        await StoreAsync(new Freight
        {
            Metadata = new ObjectMeta { Name = FreightName, Namespace = Project },
            Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "docker-registry" },
            Images = [new Image { RepoURL = "nginx", Tag = "1.25.3", Digest = "sha256:" + new string('a', 64) }],
        });
        var before = await RemoteAsync("rev-parse", "main");

        var promotion = await new PromotionCreator(_store, new MonotonicUlidFactory(TimeProvider.System))
            .CreateAsync(Project, "dev", FreightName, "admin", CancellationToken.None);
        var done = await RunToEndAsync(promotion.Metadata.Name!);

        done.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, done.Status.Message);
        done.Status.StepExecutionMetadata!.Select(s => s.Status).ShouldAllBe(s => s == PromotionStepStatus.Succeeded);
        (await RemoteAsync("rev-parse", "main~1")).ShouldBe(before);
        (await RemoteAsync("diff", "--name-only", "main~1", "main")).ShouldBe("overlays/dev/kustomization.yaml");
        (await RemoteAsync("show", "main:overlays/dev/kustomization.yaml") + "\n").ShouldBe(Overlay + "images:\n- name: nginx\n  newTag: 1.25.3\n");
        (await RemoteAsync("log", "-1", "--format=%B", "main")).ShouldBe(
            $"Updated ./src/overlays/dev to use new image\n\n- nginx:1.25.3\n\nDray-Promotion: {promotion.Metadata.Name}");
        var state = JsonNode.Parse(done.Status.State!.Value.GetRawText())!;
        ((string?)state["push"]!["commit"]).ShouldBe(await RemoteAsync("rev-parse", "main"));
    }

    private async Task<string> SeedGitOpsRepoAsync()
    {
        using var source = new TempDirectory("dray-gitops-");
        foreach (var stage in new[] { "dev", "uat", "prod" })
        {
            Directory.CreateDirectory(source.Sub("overlays", stage));
            await File.WriteAllTextAsync(source.File("overlays", stage, "kustomization.yaml"), Overlay);
        }

        Directory.CreateDirectory(source.Sub("base"));
        await File.WriteAllTextAsync(source.File("base", "kustomization.yaml"), "resources:\n- deployment.yaml\n");
        await File.WriteAllTextAsync(source.File("base", "deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\nspec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n");
        await server.SeedRepoAsync("gitops", source.Path);
        return server.RepoUrl("gitops");
    }

    private async Task WithoutArgoCdAsync(string stage)
    {
        var document = (await _store.GetAsync(new ResourceKey(ResourceKinds.Stage.Kind, Project, stage), CancellationToken.None))!;
        var steps = document.Spec!["promotionTemplate"]!["spec"]!["steps"]!.AsArray();
        steps.Select(s => (string?)s!["uses"]).ShouldBe(["git-clone", "kustomize-set-image", "git-commit", "git-push", "argocd-update"]);
        steps.RemoveAt(steps.Count - 1);
        await _store.UpdateAsync(document, CancellationToken.None);
    }

    private Task StoreAsync<T>(T model)
        where T : notnull => _store.CreateAsync(KargoJson.ToDocument(model), CancellationToken.None);

    private async Task<Promotion> RunToEndAsync(string name)
    {
        var runner = new PromotionRunner(
            _store,
            new RegistryStepResolver(_services.GetRequiredService<PromotionStepRegistry>()),
            new StorePromotionExpressionDataLoader(_store),
            new PromotionEngineOptions { WorkRoot = _dir.Sub("work") },
            TimeProvider.System,
            NullLogger<PromotionRunner>.Instance);
        var key = new ResourceKey(ResourceKinds.Promotion.Kind, Project, name);
        for (var i = 0; i < 20; i++)
        {
            var result = await runner.RunAsync(key, CancellationToken.None);
            if (result is null || result.IsTerminal)
            {
                break;
            }
        }

        return KargoJson.FromDocument<Promotion>((await _store.GetAsync(key, CancellationToken.None))!);
    }

    private Task<string> RemoteAsync(params string[] arguments) =>
        GitCli.OutputAsync(server.RepoPath("gitops"), arguments, CancellationToken.None);

    private static string SeedFixture([CallerFilePath] string self = "") =>
        Path.Combine(Path.GetDirectoryName(self)!, "..", "..", "Dray.Core.Tests", "Manifests", "Fixtures", "seed.yaml");
}
