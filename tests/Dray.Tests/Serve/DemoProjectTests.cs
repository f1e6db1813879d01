using Dray.Cli.Serve;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;

namespace Dray.Tests.Serve;

public sealed class DemoProjectTests
{
    [Fact]
    public async Task The_embedded_demo_project_applies_cleanly_and_holds_the_seed_pipeline()
    {
        using var dir = new TempDirectory();
        await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(dir.Path, "dray.db") }, TimeProvider.System);
        var report = await new ManifestApplier(store, new KargoManifestSchemas())
            .ApplyAsync([new ManifestSource("kargo-demo.yaml", DemoProject.ReadManifest("file:///tmp/demo/app", "file:///tmp/demo/gitops.git", "http://127.0.0.1:8080"))], new ApplyOptions(), CancellationToken.None);

        report.Warnings.ShouldBeEmpty();
        report.Results.ShouldAllBe(r => r.Action == ApplyAction.Created);
        var stages = await store.ListAsync(new ListQuery(ResourceKinds.Stage.Kind, DemoProject.Name), CancellationToken.None);
        stages.Items.Select(s => s.Name).ShouldBe(["dev", "prod", "uat"]);
        (await store.GetAsync(new ResourceKey(ResourceKinds.Warehouse.Kind, DemoProject.Name, "demo-app"), CancellationToken.None)).ShouldNotBeNull();
    }
}
