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

    [Theory]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("0.0.0.0:9000", "http://127.0.0.1:9000")]
    [InlineData("localhost:8081", "http://localhost:8081")]
    public void The_analysis_calls_the_listen_address_with_a_wildcard_host_made_loopback(string listen, string url) =>
        DemoProject.LocalUrl(listen).ShouldBe(url);

    [Theory]
    [InlineData(new string[0], "v1.1.0")]
    [InlineData(new[] { "v1.0.0" }, "v1.1.0")]
    [InlineData(new[] { "v1.0.0", "v1.9.0", "v1.10.0", "notes" }, "v1.11.0")]
    [InlineData(new[] { "v2.3.4" }, "v2.4.0")]
    public void Publishing_bumps_the_newest_minor_version(string[] tags, string next) =>
        DemoVersions.Next(tags).ShouldBe(next);
}
