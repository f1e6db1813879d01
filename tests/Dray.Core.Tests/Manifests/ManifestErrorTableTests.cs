using Dray.Core.Manifests;
using Dray.Core.Tests.Manifests.Support;

namespace Dray.Core.Tests.Manifests;

/// <summary>Every category of rejected manifest names file, line, column, field path and what is wrong.</summary>
public sealed class ManifestErrorTableTests
{
    private const string Warehouse = """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: w
          namespace: demo
        spec:
          subscriptions:
          - image:
        """;

    public static TheoryData<string, string, int, int, string, string> Cases => new()
    {
        {
            "unknown kind",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stag\nmetadata:\n  name: a\n",
            2, 1, "kind", "unknown kind \"Stag\" (did you mean Stage?)"
        },
        {
            "unknown field, nearest is today's name of a former field",
            Warehouse + "\n      repoURL: nginx\n      semverConstrant: ^1.0.0\n",
            10, 7, "spec.subscriptions[0].image.semverConstrant", "unknown field \"semverConstrant\" (did you mean constraint?)"
        },
        {
            "unknown field, typo of a current name",
            Warehouse + "\n      repoURL: nginx\n      discoveryLimt: 5\n",
            10, 7, "spec.subscriptions[0].image.discoveryLimt", "unknown field \"discoveryLimt\" (did you mean discoveryLimit?)"
        },
        {
            "missing required field",
            Warehouse + "\n      constraint: ^1.0.0\n",
            8, 5, "spec.subscriptions[0].image.repoURL", "missing required field \"repoURL\""
        },
        {
            "wrong type",
            Warehouse + "\n      repoURL: nginx\n      discoveryLimit: many\n",
            10, 7, "spec.subscriptions[0].image.discoveryLimit", "expected an integer, got string \"many\""
        },
        {
            "quoted number stays a string",
            Warehouse + "\n      repoURL: nginx\n      discoveryLimit: \"5\"\n",
            10, 7, "spec.subscriptions[0].image.discoveryLimit", "expected an integer, got string \"5\""
        },
        {
            "enum value with a near miss",
            Warehouse + "\n      repoURL: nginx\n      imageSelectionStrategy: Semver\n",
            10, 7, "spec.subscriptions[0].image.imageSelectionStrategy", "invalid value string \"Semver\": must be one of SemVer, Lexical, Digest, NewestBuild (did you mean SemVer?)"
        },
        {
            "invalid semver constraint",
            Warehouse + "\n      repoURL: nginx\n      constraint: \">>1.0\"\n",
            10, 7, "spec.subscriptions[0].image.constraint", "invalid semver constraint \">>1.0\""
        },
        {
            "invalid semver constraint in a converted legacy field points at the legacy line",
            Warehouse + "\n      repoURL: nginx\n      semverConstraint: ^1.2.3.4\n",
            10, 7, "spec.subscriptions[0].image.constraint", "invalid semver constraint \"^1.2.3.4\""
        },
        {
            "invalid regex",
            Warehouse + "\n      repoURL: nginx\n      allowTagsRegexes:\n      - \"^v(1|2\"\n",
            11, 9, "spec.subscriptions[0].image.allowTagsRegexes[0]", "invalid regular expression \"^v(1|2\""
        },
        {
            "git expressionFilter that does not parse",
            Warehouse.Replace("- image:", "- git:", StringComparison.Ordinal)
                + "\n      repoURL: https://git.example.com/r.git\n      expressionFilter: subject contains (\"fix\"\n",
            10, 7, "spec.subscriptions[0].git.expressionFilter", "not a valid expression: "
        },
        {
            "unsubstituted environment variable",
            Warehouse + "\n      repoURL: ${IMAGE_REPO}\n",
            9, 7, "spec.subscriptions[0].image.repoURL", "\"${IMAGE_REPO}\" looks like an environment variable that was never substituted (did you forget envsubst?)"
        },
        {
            "name that is not a DNS-1123 subdomain",
            Warehouse.Replace("name: w", "name: My_Warehouse", StringComparison.Ordinal) + "\n      repoURL: nginx\n",
            4, 3, "metadata.name", "\"My_Warehouse\" is not a valid DNS-1123 subdomain"
        },
        {
            "Project name that is not a DNS-1123 label",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: my.project\n",
            4, 3, "metadata.name", "\"my.project\" is not a valid DNS-1123 label"
        },
        {
            "project that does not exist",
            Warehouse.Replace("namespace: demo", "namespace: nowhere", StringComparison.Ordinal) + "\n      repoURL: nginx\n",
            5, 3, "metadata.namespace", "project \"nowhere\" does not exist"
        },
        {
            "namespaced kind without a project",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\nspec:\n  subscriptions: []\n",
            3, 1, "metadata.namespace", "Warehouse belongs to a project: set metadata.namespace or pass --project"
        },
        {
            "invalid YAML",
            "apiVersion: v1\nkind: Project\nmetadata:\n  name: [a\n",
            5, 1, "", "invalid YAML"
        },
        {
            "legacy render is not supported",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s\n  namespace: demo\nspec:\n  subscriptions:\n    warehouse: w\n  promotionMechanisms:\n    gitRepoUpdates:\n    - repoURL: https://git.example.com/r.git\n      writeBranch: main\n      render: {}\n",
            13, 7, "spec.promotionMechanisms.gitRepoUpdates[0].render", "\"render\" (Kargo Render) is not supported"
        },
        {
            "upstream Stage that cannot be found",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s\n  namespace: demo\nspec:\n  subscriptions:\n    upstreamStages:\n    - name: ghost\n",
            9, 7, "spec.subscriptions.upstreamStages[0].name", "cannot find the Warehouse for upstream Stage \"ghost\": Stage \"ghost\" is neither in this apply nor stored"
        },
        {
            "ProjectConfig named unlike its project",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: ProjectConfig\nmetadata:\n  name: other\n  namespace: demo\n",
            4, 3, "metadata.name", "a ProjectConfig must be named like its project: \"demo\", not \"other\""
        },
        {
            "invalid regex in a ProjectConfig stage selector",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: ProjectConfig\nmetadata:\n  name: demo\n  namespace: demo\nspec:\n  promotionPolicies:\n  - stageSelector:\n      name: \"regex:(\"\n    autoPromotionEnabled: true\n",
            9, 7, "spec.promotionPolicies[0].stageSelector.name", "invalid regular expression \"(\""
        },
        {
            "v0.3 PromotionPolicy",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: PromotionPolicy\nmetadata:\n  name: p\n  namespace: demo\nstage: dev\nenableAutoPromotion: true\n",
            2, 1, "kind", "PromotionPolicy (Kargo v0.3) was removed; put the policy in the project's ProjectConfig"
        },
        {
            "plain Namespace",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n",
            2, 1, "kind", "a Namespace is not a Dray resource"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rejected_manifest_names_file_line_column_path_and_problem(string category, string yaml, int line, int column, string path, string message)
    {
        await using var store = new SqliteTestStore();
        await ManifestTestKit.ApplyAsync(store, "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: demo\n");

        var errors = await ManifestTestKit.ErrorsAsync(store, yaml, "case.yaml");

        var error = errors.ShouldHaveSingleItem(category);
        error.File.ShouldBe("case.yaml");
        (error.Line, error.Column, error.Path).ShouldBe((line, column, path), category);
        error.Message.ShouldContain(message, Case.Sensitive, category);
    }

    [Fact]
    public async Task Stage_cycle_is_named_in_promotion_order()
    {
        await using var store = new SqliteTestStore();
        var yaml = ManifestTestKit.Fixture("today.yaml").Replace("      direct: true", "      stages:\n      - prod", StringComparison.Ordinal);

        var errors = await ManifestTestKit.ErrorsAsync(store, yaml, "cycle.yaml");

        var error = errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("the Stage graph has a cycle: dev -> uat -> prod -> dev");
        error.Path.ShouldBe("spec.requestedFreight[0].sources.stages[0]");
        error.Line.ShouldBe(30);
        error.Column.ShouldBe(9);
    }

    [Fact]
    public async Task Errors_from_every_document_are_collected_and_nothing_is_stored()
    {
        await using var store = new SqliteTestStore();
        var yaml = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: demo\n---\n"
            + Warehouse + "\n      repoURL: nginx\n      semverConstrant: ^1.0\n---\n"
            + "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stag\nmetadata:\n  name: a\n  namespace: demo\n";

        var errors = await ManifestTestKit.ErrorsAsync(store, yaml, "multi.yaml");

        errors.Select(e => $"{e.Line}:{e.Path}").ShouldBe(["15:spec.subscriptions[0].image.semverConstrant", "18:kind"]);
        (await store.CountAsync()).ShouldBe(0);
        (await store.RevisionAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Errors_are_collected_across_files_in_file_order()
    {
        await using var store = new SqliteTestStore();
        var applier = ManifestTestKit.Applier(store);

        var exception = await Should.ThrowAsync<ManifestException>(() => applier.ApplyAsync(
            [
                new ManifestSource("b.yaml", "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: Bad_Name\n"),
                new ManifestSource("a.yaml", "apiVersion: kargo.akuity.io/v1alpha1\nkind: Projekt\nmetadata:\n  name: ok\n"),
            ],
            new ApplyOptions(), CancellationToken.None));

        exception.Errors.Select(e => $"{e.File}:{e.Line}:{e.Path}").ShouldBe(["b.yaml:4:metadata.name", "a.yaml:2:kind"]);
        exception.Message.ShouldStartWith("2 errors:\nb.yaml:4:3: metadata.name: ");
    }
}
