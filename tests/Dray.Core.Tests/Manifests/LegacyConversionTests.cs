using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Tests.Manifests.Support;

namespace Dray.Core.Tests.Manifests;

public sealed class LegacyConversionTests
{
    private const string Project = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: demo\n---\n";

    private static Task<ApplyReport> ApplyAsync(SqliteTestStore store, string yaml) => ManifestTestKit.ApplyAsync(store, Project + yaml, "legacy.yaml");

    private static async Task<JsonObject> GetAsync(SqliteTestStore store, string kind, string name, string? ns = "demo") =>
        (await store.GetAsync(new ResourceKey(kind, ns, name), CancellationToken.None)).ShouldNotBeNull().Json;

    [Fact]
    public async Task Warehouse_v03_fields_become_todays_fields()
    {
        await using var store = new SqliteTestStore();
        var report = await ApplyAsync(store, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: w
              namespace: demo
            spec:
              subscriptions:
              - image:
                  repoURL: ghcr.io/acme/app
                  tagSelectionStrategy: Lexical
                  allowTags: ^v1\.
                  ignoreTags: [v1.0.0, v1.0.1+build]
                  gitRepoURL: https://github.com/acme/app
              - chart:
                  registryURL: https://charts.example.com
                  name: app
                  semverConstraint: ^2.0.0
              - chart:
                  registryURL: oci://ghcr.io/acme/charts
                  name: app
            """);

        var subscriptions = (await GetAsync(store, "Warehouse", "w"))["spec"]!["subscriptions"]!;
        ManifestTestKit.Json(subscriptions[0]!).ShouldBe("""
            {"image":{"repoURL":"ghcr.io/acme/app","imageSelectionStrategy":"Lexical","allowTagsRegexes":["^v1\\."],"ignoreTagsRegexes":["^v1\\.0\\.0$","^v1\\.0\\.1\\+build$"]}}
            """.Trim());
        ManifestTestKit.Json(subscriptions[1]!).ShouldBe("""{"chart":{"repoURL":"https://charts.example.com","name":"app","semverConstraint":"^2.0.0"}}""");
        ManifestTestKit.Json(subscriptions[2]!).ShouldBe("""{"chart":{"repoURL":"oci://ghcr.io/acme/charts/app"}}""");
        report.Warnings.Select(w => w.Path).ShouldBe(
        [
            "spec.subscriptions[0].image.tagSelectionStrategy",
            "spec.subscriptions[0].image.allowTags",
            "spec.subscriptions[0].image.ignoreTags",
            "spec.subscriptions[0].image.gitRepoURL",
            "spec.subscriptions[1].chart.registryURL",
            "spec.subscriptions[2].chart.registryURL",
            "spec.subscriptions[2].chart.name",
        ]);
        report.Warnings[0].Message.ShouldContain("\"tagSelectionStrategy\" is the old name of \"imageSelectionStrategy\"");
        report.Warnings[2].Line.ShouldBe(17);
    }

    [Fact]
    public async Task Old_and_new_name_together_is_an_error()
    {
        await using var store = new SqliteTestStore();
        var errors = await ManifestTestKit.ErrorsAsync(store, Project + """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: w
              namespace: demo
            spec:
              subscriptions:
              - image:
                  repoURL: nginx
                  semverConstraint: ^1.0.0
                  constraint: ^2.0.0
            """);

        errors.ShouldHaveSingleItem().Message.ShouldBe("both \"semverConstraint\" (the old name) and \"constraint\" are set; remove \"semverConstraint\"");
    }

    [Fact]
    public async Task Helm_pull_request_and_source_updates_become_steps()
    {
        await using var store = new SqliteTestStore();
        var report = await ApplyAsync(store, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Warehouse
            metadata:
              name: w
              namespace: demo
            spec:
              subscriptions:
              - image:
                  repoURL: ghcr.io/acme/app
            ---
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: test
              namespace: demo
            spec:
              subscriptions:
                warehouse: w
              promotionMechanisms:
                gitRepoUpdates:
                - repoURL: https://git.example.com/gitops.git
                  readBranch: main
                  writeBranch: env/test
                  pullRequest:
                    github: {}
                  helm:
                    images:
                    - image: ghcr.io/acme/app
                      valuesFilePath: charts/app/values.yaml
                      key: image.tag
                      value: Tag
                    charts:
                    - registryURL: https://charts.example.com
                      name: redis
                      chartPath: charts/app
                argoCDAppUpdates:
                - appName: app-test
                  sourceUpdates:
                  - repoURL: https://git.example.com/gitops.git
                    updateTargetRevision: true
                    kustomize:
                      images:
                      - image: ghcr.io/acme/app
                        useDigest: true
            """);

        var steps = (await GetAsync(store, "Stage", "test"))["spec"]!["promotionTemplate"]!["spec"]!["steps"]!.AsArray();
        string Step(int i) => ManifestTestKit.Json(steps[i]);
        steps.Select(s => (string?)s!["uses"]).ShouldBe(
            ["git-clone", "yaml-update", "helm-update-chart", "git-commit", "git-push", "git-open-pr", "git-wait-for-pr", "argocd-update"]);
        Step(0).ShouldBe("""{"uses":"git-clone","config":{"repoURL":"https://git.example.com/gitops.git","checkout":[{"branch":"main","path":"./src"}]}}""");
        Step(1).ShouldBe("""{"uses":"yaml-update","as":"update-values","config":{"path":"./src/charts/app/values.yaml","updates":[{"key":"image.tag","value":"${{ imageFrom(\"ghcr.io/acme/app\").Tag }}"}]}}""");
        Step(2).ShouldBe("""{"uses":"helm-update-chart","as":"update-chart","config":{"path":"./src/charts/app","charts":[{"repository":"https://charts.example.com","name":"redis","version":"${{ chartFrom(\"https://charts.example.com\", \"redis\").Version }}"}]}}""");
        Step(3).ShouldBe("""{"uses":"git-commit","as":"commit","config":{"path":"./src","message":"${{ outputs['update-values'].commitMessage }}\n\n${{ outputs['update-chart'].commitMessage }}"}}""");
        Step(4).ShouldBe("""{"uses":"git-push","as":"push","config":{"path":"./src","generateTargetBranch":true}}""");
        Step(5).ShouldBe("""{"uses":"git-open-pr","as":"open-pr","config":{"repoURL":"https://git.example.com/gitops.git","sourceBranch":"${{ outputs['push'].branch }}","targetBranch":"env/test"}}""");
        Step(6).ShouldBe("""{"uses":"git-wait-for-pr","as":"wait-for-pr","config":{"repoURL":"https://git.example.com/gitops.git","prNumber":"${{ outputs['open-pr'].pr.id }}"}}""");
        Step(7).ShouldBe("""{"uses":"argocd-update","config":{"apps":[{"name":"app-test","sources":[{"repoURL":"https://git.example.com/gitops.git","desiredRevision":"${{ outputs['wait-for-pr'].commit }}","updateTargetRevision":true,"kustomize":{"images":[{"repoURL":"ghcr.io/acme/app","digest":"${{ imageFrom(\"ghcr.io/acme/app\").Digest }}"}]}}]}]}}""");
        report.Warnings.Count(w => w.Path.StartsWith("spec.promotionMechanisms", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Upstream_stages_resolve_through_the_store()
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, string.Join("---\n", ManifestTestKit.Fixture("today.yaml").Split("---\n")[..3]));

        await ManifestTestKit.ApplyAsync(store, """
            apiVersion: kargo.akuity.io/v1alpha1
            kind: Stage
            metadata:
              name: qa
              namespace: kargo-demo
            spec:
              subscriptions:
                upstreamStages:
                - name: dev
            """);

        var qa = (await store.GetAsync(new ResourceKey("Stage", "kargo-demo", "qa"), CancellationToken.None)).ShouldNotBeNull();
        ManifestTestKit.Json(qa.Spec!["requestedFreight"]!).ShouldBe("""[{"origin":{"kind":"Warehouse","name":"docker-registry"},"sources":{"stages":["dev"]}}]""");
    }

    [Fact]
    public async Task Repository_secret_becomes_a_credential_secret()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));
        await using var store = new SqliteTestStore();
        var report = await ApplyAsync(store, $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: repo
              namespace: demo
              labels:
                kargo.akuity.io/secret-type: repository
            data:
              type: {B64("git")}
              url: {B64("https://git.example.com/gitops.git")}
              username: {B64("bot")}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: charts
              namespace: demo
              labels:
                kargo.akuity.io/secret-type: repository
            stringData:
              type: helm
              url: https://charts.example.com
              password: s3cret
            """);

        var repo = await GetAsync(store, "Secret", "repo");
        repo["metadata"]!["labels"]!.ToJsonString().ShouldBe("""{"kargo.akuity.io/cred-type":"git"}""");
        ManifestTestKit.Json(repo["data"]!).ShouldBe($$"""{"repoURL":"{{B64("https://git.example.com/gitops.git")}}","username":"{{B64("bot")}}"}""");
        var charts = await GetAsync(store, "Secret", "charts");
        charts["metadata"]!["labels"]!.ToJsonString().ShouldBe("""{"kargo.akuity.io/cred-type":"helm"}""");
        ManifestTestKit.Json(charts["stringData"]!).ShouldBe("""{"repoURL":"https://charts.example.com","password":"s3cret"}""");
        report.Warnings.Count.ShouldBe(2);
        report.Warnings[0].Message.ShouldContain("kargo.akuity.io/cred-type: git");
    }
}
