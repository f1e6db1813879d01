using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Model;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Tests.Manifests.Support;

namespace Dray.Core.Tests.Manifests;

public sealed class SeedManifestTests
{
    [Fact]
    public async Task Seed_after_envsubst_converts_and_stores_todays_form()
    {
        await using var store = new SqliteTestStore();

        var report = await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        report.Results.Select(r => $"{r.Kind}/{r.Name}:{r.Action}").ShouldBe(
        [
            "Project/kargo-demo:Created", "Warehouse/docker-registry:Created",
            "Stage/dev:Created", "Stage/uat:Created", "Stage/prod:Created",
        ]);
        var uat = await store.GetAsync(new ResourceKey("Stage", "kargo-demo", "uat"), CancellationToken.None);
        uat.ShouldNotBeNull();
        var request = uat.Spec!["requestedFreight"]![0]!;
        ((string?)request["origin"]!["name"]).ShouldBe("docker-registry");
        ((string?)request["sources"]!["stages"]![0]).ShouldBe("dev");
        uat.Spec.ContainsKey("subscriptions").ShouldBeFalse();
        uat.Spec.ContainsKey("promotionMechanisms").ShouldBeFalse();
        var steps = uat.Spec["promotionTemplate"]!["spec"]!["steps"]!.AsArray();
        steps.Select(s => (string?)s!["uses"]).ShouldBe(["git-clone", "kustomize-set-image", "git-commit", "git-push", "argocd-update"]);
    }

    [Fact]
    public async Task Seed_conversion_warns_once_per_converted_field_naming_old_and_new()
    {
        await using var store = new SqliteTestStore();
        var report = await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        report.Warnings.Select(w => $"{w.Line}:{w.Path}").ShouldBe(
        [
            "4:kind",
            "21:spec.subscriptions[0].image.semverConstraint",
            "32:spec.subscriptions.warehouse",
            "35:spec.promotionMechanisms.gitRepoUpdates[0]",
            "41:spec.promotionMechanisms.argoCDAppUpdates",
            "54:spec.subscriptions.upstreamStages",
            "58:spec.promotionMechanisms.gitRepoUpdates[0]",
            "64:spec.promotionMechanisms.argoCDAppUpdates",
            "77:spec.subscriptions.upstreamStages",
            "81:spec.promotionMechanisms.gitRepoUpdates[0]",
            "87:spec.promotionMechanisms.argoCDAppUpdates",
        ]);
        report.Warnings.ShouldAllBe(w => w.File == "seed.yaml");
        report.Warnings[1].Message.ShouldContain("\"semverConstraint\" is the old name of \"constraint\"");
        report.Warnings[0].Message.ShouldContain("converted to Project \"kargo-demo\"");
        report.Warnings[3].Message.ShouldContain("git-clone, kustomize-set-image, git-push, git-commit");
        report.Warnings[5].Message.ShouldContain("origin Warehouse \"docker-registry\" from Stage(s) dev");
    }

    [Fact]
    public async Task Seed_without_envsubst_fails_naming_the_legacy_field_and_line()
    {
        await using var store = new SqliteTestStore();

        var errors = await ManifestTestKit.ErrorsAsync(store, ManifestTestKit.Seed(substitute: false), "seed.yaml");

        errors.Count.ShouldBe(3);
        errors.Select(e => (e.Line, e.Column)).ShouldBe([(35, 7), (58, 7), (81, 7)]);
        errors.ShouldAllBe(e => e.File == "seed.yaml" && e.Path == "spec.promotionMechanisms.gitRepoUpdates[0].repoURL");
        errors[0].Message.ShouldBe("\"${GITOPS_REPO_URL}\" looks like an environment variable that was never substituted (did you forget envsubst?)");
        errors[0].ToString().ShouldStartWith("seed.yaml:35:7: spec.promotionMechanisms.gitRepoUpdates[0].repoURL: ");
        (await store.CountAsync()).ShouldBe(0);
        (await store.RevisionAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Todays_form_stores_exactly_what_the_converted_legacy_form_stores()
    {
        await using var legacyStore = new SqliteTestStore();
        await using var todayStore = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(legacyStore, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        var report = await ManifestTestKit.ApplyAsync(todayStore, ManifestTestKit.Fixture("today.yaml"), "today.yaml");

        report.Warnings.ShouldBeEmpty();
        foreach (var kind in new[] { "Project", "Warehouse", "Stage" })
        {
            var legacy = await legacyStore.ListAsync(new Storage.ListQuery(kind), CancellationToken.None);
            var today = await todayStore.ListAsync(new Storage.ListQuery(kind), CancellationToken.None);
            today.Items.Count.ShouldBe(legacy.Items.Count);
            for (var i = 0; i < legacy.Items.Count; i++)
            {
                Comparable(today.Items[i]).ShouldBe(Comparable(legacy.Items[i]));
            }
        }
    }

    [Fact]
    public async Task Applying_todays_form_over_the_converted_legacy_form_is_unchanged()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        var report = await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Fixture("today.yaml"), "today.yaml");

        report.Results.ShouldAllBe(r => r.Action == ApplyAction.Unchanged);
        report.Results.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Converted_seed_reads_as_typed_model_records()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, ManifestTestKit.Seed(substitute: true), "seed.yaml");

        var prod = KargoJson.FromDocument<Stage>((await store.GetAsync(new ResourceKey("Stage", "kargo-demo", "prod"), CancellationToken.None))!);
        var warehouse = KargoJson.FromDocument<Warehouse>((await store.GetAsync(new ResourceKey("Warehouse", "kargo-demo", "docker-registry"), CancellationToken.None))!);

        prod.Spec.RequestedFreight.ShouldHaveSingleItem().Sources.Stages.ShouldBe(["uat"]);
        prod.Spec.PromotionTemplate!.Spec.Steps!.Select(s => s.Uses).ShouldBe(["git-clone", "kustomize-set-image", "git-commit", "git-push", "argocd-update"]);
        warehouse.Spec.Subscriptions.Count.ShouldBe(1);
    }

    private static string Comparable(ResourceDocument document)
    {
        var json = (JsonObject)document.Json.DeepClone();
        var metadata = (JsonObject)json["metadata"]!;
        metadata.Remove("uid");
        return json.ToJsonString();
    }
}
