using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Tests.Manifests.Support;

namespace Dray.Core.Tests.Manifests;

public sealed class ManifestApplierTests
{
    private const string Project = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: demo\n";

    private const string Warehouse = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w
          namespace: demo
        spec:
          subscriptions:
          - image:
              repoURL: nginx
              constraint: ^1.24.0
        """;

    private static string Stage(string name, string sources) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {name}
          namespace: demo
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: w
            sources:
              {sources}
        """;

    [Fact]
    public async Task Apply_reports_created_then_unchanged_then_configured()
    {
        await using var store = new SqliteTestStore();
        var yaml = Project + "\n---\n" + Warehouse;

        var first = await ManifestTestKit.ApplyAsync(store, yaml);
        var second = await ManifestTestKit.ApplyAsync(store, yaml);
        var third = await ManifestTestKit.ApplyAsync(store, yaml.Replace("^1.24.0", "^1.25.0", StringComparison.Ordinal));

        first.Results.Select(r => r.ToString()).ShouldBe(["project/demo created", "warehouse/w (project demo) created"]);
        second.Results.Select(r => r.Action).ShouldBe([ApplyAction.Unchanged, ApplyAction.Unchanged]);
        third.Results.Select(r => r.Action).ShouldBe([ApplyAction.Unchanged, ApplyAction.Configured]);
        (await store.RevisionAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task Projects_are_written_first_in_one_commit()
    {
        await using var store = new SqliteTestStore();

        var report = await ManifestTestKit.ApplyAsync(store, Stage("a", "direct: true") + "\n---\n" + Warehouse + "\n---\n" + Project);

        report.Results.Select(r => r.Kind).ShouldBe(["Project", "Warehouse", "Stage"]);
        var versions = new List<long>();
        foreach (var key in new[] { new ResourceKey("Project", null, "demo"), new ResourceKey("Warehouse", "demo", "w"), new ResourceKey("Stage", "demo", "a") })
        {
            versions.Add((await store.GetAsync(key, CancellationToken.None))!.ResourceVersion);
        }

        versions.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Get_output_applied_again_is_a_no_op()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, Project + "\n---\n" + Warehouse);
        var stored = (await store.GetAsync(new ResourceKey("Warehouse", "demo", "w"), CancellationToken.None)).ShouldNotBeNull();
        stored.Json["status"] = new JsonObject { ["lastFreightID"] = "abc" };
        var asJson = stored.ToJsonString();
        stored.Metadata["resourceVersion"].ShouldNotBeNull();

        var report = await ManifestTestKit.ApplyAsync(store, asJson, "get-output.json");

        report.Results.ShouldHaveSingleItem().Action.ShouldBe(ApplyAction.Unchanged);
    }

    [Fact]
    public async Task Dry_run_validates_and_predicts_without_writing()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, Project);

        var report = await ManifestTestKit.ApplyAsync(store, Project + "\n---\n" + Warehouse, options: new ApplyOptions(DryRun: true));

        report.Results.Select(r => r.Action).ShouldBe([ApplyAction.Unchanged, ApplyAction.Created]);
        (await store.CountAsync()).ShouldBe(1);
        (await store.RevisionAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Default_project_fills_a_missing_namespace()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, Project);

        await ManifestTestKit.ApplyAsync(store, Warehouse.Replace("  namespace: demo\n", "", StringComparison.Ordinal), options: new ApplyOptions("demo"));

        (await store.GetAsync(new ResourceKey("Warehouse", "demo", "w"), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_cycle_through_stored_stages_is_rejected()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, Project + "\n---\n" + Warehouse + "\n---\n" + Stage("a", "direct: true") + "\n---\n" + Stage("b", "stages: [a]"));

        var errors = await ManifestTestKit.ErrorsAsync(store, Stage("a", "stages: [b]"), "a.yaml");

        var error = errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("the Stage graph has a cycle: a -> b -> a");
        (error.File, error.Line, error.Path).ShouldBe(("a.yaml", 12, "spec.requestedFreight[0].sources.stages[0]"));
    }

    [Fact]
    public async Task One_invalid_document_stores_nothing()
    {
        await using var store = new SqliteTestStore();

        await ManifestTestKit.ErrorsAsync(store, Project + "\n---\n" + Warehouse + "\n---\n" + Stage("Bad", "direct: true"));

        (await store.CountAsync()).ShouldBe(0);
        (await store.RevisionAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_resource_twice_in_one_apply_is_an_error()
    {
        await using var store = new SqliteTestStore();
        var errors = await ManifestTestKit.ErrorsAsync(store, Project + "\n---\n" + Project, "dup.yaml");

        var error = errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(10);
        error.Message.ShouldBe("Project \"demo\" appears twice in this apply (first at dup.yaml:1)");
    }

    [Fact]
    public async Task Server_owned_fields_are_ignored()
    {
        await using var store = new SqliteTestStore();
        var yaml = Project.Replace("  name: demo\n", "  name: demo\n  uid: x\n  resourceVersion: \"99\"\n  generation: 7\n  creationTimestamp: \"2020-01-01T00:00:00Z\"\n", StringComparison.Ordinal)
            + "status:\n  conditions: []\n";

        var report = await ManifestTestKit.ApplyAsync(store, yaml);

        report.Results.ShouldHaveSingleItem().Action.ShouldBe(ApplyAction.Created);
        var stored = (await store.GetAsync(new ResourceKey("Project", null, "demo"), CancellationToken.None)).ShouldNotBeNull();
        stored.Generation.ShouldBe(1);
        stored.Status.ShouldBeNull();
        ((string?)stored.Metadata["uid"]).ShouldNotBe("x");
    }

    [Fact]
    public async Task Delete_resolves_legacy_documents_to_keys_and_deletes_dependents_first()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        var keys = ManifestDeleter.ResolveKeys([ManifestTestKit.Source(ManifestTestKit.Seed(substitute: false))], null);
        var results = await new ManifestDeleter(store).DeleteAsync([ManifestTestKit.Source(ManifestTestKit.Seed(substitute: false))], null, CancellationToken.None);
        var again = await new ManifestDeleter(store).DeleteAsync([ManifestTestKit.Source(ManifestTestKit.Seed(substitute: false))], null, CancellationToken.None);

        keys.Select(k => k.ToString()).ShouldBe(
            ["Stage/kargo-demo/dev", "Stage/kargo-demo/uat", "Stage/kargo-demo/prod", "Warehouse/kargo-demo/docker-registry", "Project/kargo-demo"]);
        results.ShouldAllBe(r => r.Deleted);
        again.ShouldAllBe(r => !r.Deleted);
        (await store.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void Delete_rejects_documents_that_name_no_resource()
    {
        var exception = Should.Throw<ManifestException>(() => ManifestDeleter.ResolveKeys(
            [ManifestTestKit.Source("apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s\n", "d.yaml")], null));

        exception.Errors.ShouldHaveSingleItem().ToString().ShouldBe("d.yaml:3:1: metadata.namespace: Stage belongs to a project: set metadata.namespace or pass --project");
    }

    [Fact]
    public async Task A_placeholder_inside_step_config_is_only_a_warning()
    {
        await using var store = new SqliteTestStore();
        var stage = Stage("a", "direct: true") + """

              promotionTemplate:
                spec:
                  steps:
                  - uses: file-write
                    config:
                      path: ./out/run.sh
                      contents: echo ${HOME}
            """;

        var report = await ManifestTestKit.ApplyAsync(store, Project + "\n---\n" + Warehouse + "\n---\n" + stage, "s.yaml");

        var warning = report.Warnings.ShouldHaveSingleItem();
        warning.Path.ShouldBe("spec.promotionTemplate.spec.steps[0].config.contents");
        warning.Line.ShouldBe(36);
        warning.Message.ShouldContain("\"${HOME}\" looks like an environment variable");
    }
}
