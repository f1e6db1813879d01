using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

/// <summary><see cref="WebhookWarehouseMatcher"/> on pushes that name their refs: branch and tag rules.</summary>
public sealed class WebhookRefMatcherTests
{
    private const string Repo = "https://github.com/example/app";

    [Theory]
    [InlineData("main", null, "refs/heads/main", true)]
    [InlineData("main", null, "refs/heads/develop", false)]
    [InlineData("release/1.x", null, "refs/heads/release/1.x", true)]
    [InlineData("refs/heads/main", null, "refs/heads/main", true)]
    [InlineData("main", "develop", "refs/heads/main", true)]
    [InlineData(null, "main", "refs/heads/main", true)]
    [InlineData(null, "main", "refs/heads/feature/x", false)]
    [InlineData(null, null, "refs/heads/feature/x", true)]
    public void A_branch_push_concerns_a_newest_from_branch_subscription_only_on_its_branch(string? branch, string? defaultBranch, string pushed, bool selected)
    {
        var match = WebhookWarehouseMatcher.Match([Warehouse("w", Sub(branch: branch))], Push(pushed, defaultBranch));

        match.Selected.Contains("w").ShouldBe(selected);
        match.FilteredOut.Contains("w").ShouldBe(!selected);
    }

    [Theory]
    [InlineData(GitCommitSelectionStrategy.SemVer)]
    [InlineData(GitCommitSelectionStrategy.Lexical)]
    [InlineData(GitCommitSelectionStrategy.NewestTag)]
    public void A_tag_push_concerns_tag_subscriptions_and_a_branch_push_does_not(GitCommitSelectionStrategy strategy)
    {
        Warehouse[] warehouses = [Warehouse("tags", Sub(strategy: strategy)), Warehouse("branch", Sub(branch: "main"))];

        var tagPush = WebhookWarehouseMatcher.Match(warehouses, Push("refs/tags/v1.2.0", "main"));
        var branchPush = WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/main", "main"));

        tagPush.Selected.ShouldBe(["tags"]);
        tagPush.FilteredOut.ShouldBe(["branch"]);
        branchPush.Selected.ShouldBe(["branch"]);
        branchPush.FilteredOut.ShouldBe(["tags"]);
    }

    [Theory]
    [InlineData("v1.2.0", "^v1\\.", null, true)]
    [InlineData("v2.0.0", "^v1\\.", null, false)]
    [InlineData("v1.2.0-rc.1", null, "-rc", false)]
    [InlineData("v1.2.0", "^v1\\.", "-rc", true)]
    [InlineData("v1.2.0", "([", null, true)]
    public void A_tag_push_passes_the_subscription_allow_and_ignore_regexes(string tag, string? allow, string? ignore, bool selected)
    {
        var subscription = Sub(strategy: GitCommitSelectionStrategy.SemVer) with
        {
            AllowTagsRegexes = allow is null ? null : [allow],
            IgnoreTagsRegexes = ignore is null ? null : [ignore],
        };

        var match = WebhookWarehouseMatcher.Match([Warehouse("w", subscription)], Push("refs/tags/" + tag, null));

        match.Selected.Contains("w").ShouldBe(selected);
    }

    [Theory]
    [InlineData("v1.2.0", null, null, true)]
    [InlineData("1.2.0", "^1.0.0", null, true)]
    [InlineData("v2.0.0", "^1.0.0", null, false)]
    [InlineData("1.5.0-rc.1", "^1.0.0", null, false)]
    [InlineData("1.5.0-rc.1", "^1.0.0-0", null, true)]
    [InlineData("latest", null, null, false)]
    [InlineData("v1.2", null, null, false)]
    [InlineData("v1.2", null, true, false)]
    [InlineData("v1.2", null, false, true)]
    [InlineData("v1.2", "~1.2", false, true)]
    [InlineData("v1.2.0", "not a constraint", null, true)]
    [InlineData("latest", "((", null, true)]
    public void A_tag_push_to_a_semver_subscription_must_parse_under_strictSemvers_and_satisfy_the_constraint(
        string tag, string? constraint, bool? strictSemvers, bool selected)
    {
        var subscription = Sub(strategy: GitCommitSelectionStrategy.SemVer) with { SemverConstraint = constraint, StrictSemvers = strictSemvers };

        var match = WebhookWarehouseMatcher.Match([Warehouse("w", subscription)], Push("refs/tags/" + tag, null));

        match.Selected.Contains("w").ShouldBe(selected);
        match.FilteredOut.Contains("w").ShouldBe(!selected);
    }

    [Theory]
    [InlineData(GitCommitSelectionStrategy.Lexical)]
    [InlineData(GitCommitSelectionStrategy.NewestTag)]
    public void Semver_fields_do_not_filter_tag_pushes_for_other_tag_strategies(GitCommitSelectionStrategy strategy)
    {
        var subscription = Sub(strategy: strategy) with { SemverConstraint = "^1.0.0", StrictSemvers = true };

        WebhookWarehouseMatcher.Match([Warehouse("w", subscription)], Push("refs/tags/latest", null)).Selected.ShouldBe(["w"]);
    }

    [Fact]
    public void A_semver_tag_must_pass_the_regexes_as_well_as_the_constraint()
    {
        var subscription = Sub(strategy: GitCommitSelectionStrategy.SemVer) with { SemverConstraint = "^1.0.0", IgnoreTagsRegexes = ["^v1\\.3\\."] };
        Warehouse[] warehouses = [Warehouse("w", subscription)];

        WebhookWarehouseMatcher.Match(warehouses, Push("refs/tags/v1.2.0", null)).Selected.ShouldBe(["w"]);
        WebhookWarehouseMatcher.Match(warehouses, Push("refs/tags/v1.3.0", null)).FilteredOut.ShouldBe(["w"]);
        WebhookWarehouseMatcher.Match(warehouses, Push("refs/tags/v2.0.0", null)).FilteredOut.ShouldBe(["w"]);
    }

    [Fact]
    public void Path_filters_still_apply_to_a_push_to_the_subscribed_branch()
    {
        Warehouse[] warehouses =
        [
            Warehouse("web", Sub(branch: "main") with { IncludePaths = ["apps/web"] }),
            Warehouse("api", Sub(branch: "main") with { IncludePaths = ["apps/api"] }),
        ];

        var match = WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/main", "main") with { ChangedPaths = ["apps/web/deployment.yaml"] });

        match.Selected.ShouldBe(["web"]);
        match.FilteredOut.ShouldBe(["api"]);
    }

    [Fact]
    public void Two_warehouses_on_one_repository_each_see_only_their_branch()
    {
        Warehouse[] warehouses = [Warehouse("a", Sub(branch: "a")), Warehouse("b", Sub(branch: "b"))];

        WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/b", "main")).Selected.ShouldBe(["b"]);
        WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/a", "main")).Selected.ShouldBe(["a"]);
    }

    [Fact]
    public void A_push_of_several_refs_concerns_a_subscription_when_any_ref_does()
    {
        Warehouse[] warehouses =
        [
            Warehouse("release", Sub(branch: "release/1.x")),
            Warehouse("tags", Sub(strategy: GitCommitSelectionStrategy.Lexical)),
            Warehouse("main", Sub()),
        ];

        var match = WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/release/1.x", "main") with { Refs = ["refs/heads/release/1.x", "refs/tags/v1.4.0"] });

        match.Selected.ShouldBe(["release", "tags"]);
        match.FilteredOut.ShouldBe(["main"]);
    }

    [Fact]
    public void A_warehouse_is_refreshed_when_any_of_its_subscriptions_to_the_repository_is_concerned()
    {
        var both = new Warehouse
        {
            Metadata = new ObjectMeta { Name = "both", Namespace = "p" },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Git = Sub(branch: "main") }, new RepoSubscription { Git = Sub(branch: "b") }] },
        };

        WebhookWarehouseMatcher.Match([both], Push("refs/heads/b", "main")).Selected.ShouldBe(["both"]);
    }

    [Theory]
    [InlineData("refs/notes/commits")]
    [InlineData("main")]
    public void A_ref_that_is_neither_a_branch_nor_a_tag_refreshes_every_subscription(string reference)
    {
        Warehouse[] warehouses = [Warehouse("branch", Sub(branch: "main")), Warehouse("tags", Sub(strategy: GitCommitSelectionStrategy.NewestTag))];

        WebhookWarehouseMatcher.Match(warehouses, Push(reference, "main")).Selected.ShouldBe(["branch", "tags"]);
    }

    [Fact]
    public void Without_refs_every_subscription_to_the_repository_is_concerned_as_before()
    {
        Warehouse[] warehouses = [Warehouse("branch", Sub(branch: "other")), Warehouse("tags", Sub(strategy: GitCommitSelectionStrategy.SemVer))];

        WebhookWarehouseMatcher.Match(warehouses, Push("refs/heads/main", "main") with { Refs = null }).Selected.ShouldBe(["branch", "tags"]);
    }

    [Fact]
    public void Image_events_ignore_refs()
    {
        var image = new WebhookEvent(WebhookArtifactKind.Image, ["ghcr.io/example/app"], null, "package", ["refs/heads/none"], "main");
        var warehouse = new Warehouse
        {
            Metadata = new ObjectMeta { Name = "img", Namespace = "p" },
            Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Image = new ImageSubscription { RepoURL = "ghcr.io/example/app" } }] },
        };

        WebhookWarehouseMatcher.Match([warehouse], image).Selected.ShouldBe(["img"]);
    }

    private static WebhookEvent Push(string reference, string? defaultBranch) =>
        new(WebhookArtifactKind.Git, [Repo + ".git"], null, "push to " + reference, [reference], defaultBranch);

    private static GitSubscription Sub(string? branch = null, GitCommitSelectionStrategy? strategy = null) =>
        new() { RepoURL = Repo, Branch = branch, CommitSelectionStrategy = strategy };

    private static Warehouse Warehouse(string name, GitSubscription subscription) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new WarehouseSpec { Subscriptions = [new RepoSubscription { Git = subscription }] },
    };
}
