using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;
using Dray.Server.Webhooks;

namespace Dray.Server.Tests.Webhooks;

public sealed class WebhookWarehouseMatcherTests
{
    private static readonly WebhookEvent Push = new(
        WebhookArtifactKind.Git, ["https://github.com/example/app.git", "git@github.com:example/app.git"], ["apps/web/deployment.yaml"], "push");

    [Fact]
    public void Only_warehouses_subscribed_to_the_repository_are_selected_whatever_the_url_spelling()
    {
        var match = WebhookWarehouseMatcher.Match(
            [
                Git("same", "https://GitHub.com/example/app/"),
                Git("ssh", "git@github.com:example/app.git"),
                Git("other-repo", "https://github.com/example/other"),
                Image("image", "ghcr.io/example/app"),
            ],
            Push);

        match.Selected.ShouldBe(["same", "ssh"]);
        match.FilteredOut.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("apps/web", null, true)]
    [InlineData("apps/api", null, false)]
    [InlineData("glob:apps/*/deployment.yaml", null, true)]
    [InlineData("regex:^apps/(web|api)/", null, true)]
    [InlineData(null, "apps/web", false)]
    [InlineData(null, "glob:*.md", true)]
    [InlineData("apps", "apps/web", false)]
    public void A_push_refreshes_a_warehouse_only_when_a_changed_file_passes_its_path_filters(string? include, string? exclude, bool selected)
    {
        var warehouse = Git("filtered", "https://github.com/example/app", include is null ? null : [include], exclude is null ? null : [exclude]);

        var match = WebhookWarehouseMatcher.Match([warehouse], Push);

        match.Selected.Contains("filtered").ShouldBe(selected);
        match.FilteredOut.Contains("filtered").ShouldBe(!selected);
    }

    [Fact]
    public void Without_a_list_of_changed_files_path_filters_do_not_hold_a_refresh_back()
    {
        var warehouse = Git("filtered", "https://github.com/example/app", ["apps/api"]);

        var match = WebhookWarehouseMatcher.Match([warehouse], Push with { ChangedPaths = null });

        match.Selected.ShouldBe(["filtered"]);
    }

    [Fact]
    public void Image_pushes_match_image_and_oci_chart_subscriptions_in_normalized_form()
    {
        var hub = new WebhookEvent(WebhookArtifactKind.Image, ["docker.io/example/app"], null, "push");
        var harbor = new WebhookEvent(WebhookArtifactKind.Image, ["harbor.example.com/library/app"], null, "push");
        Warehouse[] warehouses =
        [
            Image("short", "example/app"),
            Image("long", "index.docker.io/example/app"),
            Chart("chart", "oci://harbor.example.com/library/app"),
            Chart("http-chart", "https://harbor.example.com/library/app"),
            Git("git", "https://github.com/example/app"),
        ];

        WebhookWarehouseMatcher.Match(warehouses, hub).Selected.ShouldBe(["short", "long"]);
        WebhookWarehouseMatcher.Match(warehouses, harbor).Selected.ShouldBe(["chart"]);
    }

    private static Warehouse Git(string name, string url, IReadOnlyList<string>? include = null, IReadOnlyList<string>? exclude = null) =>
        Make(name, new RepoSubscription { Git = new GitSubscription { RepoURL = url, IncludePaths = include, ExcludePaths = exclude } });

    private static Warehouse Image(string name, string url) => Make(name, new RepoSubscription { Image = new ImageSubscription { RepoURL = url } });

    private static Warehouse Chart(string name, string url) =>
        Make(name, new RepoSubscription { Chart = new ChartSubscription { RepoURL = url, Name = url.StartsWith("oci", StringComparison.Ordinal) ? null : "app" } });

    private static Warehouse Make(string name, RepoSubscription subscription) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new WarehouseSpec { Subscriptions = [subscription] },
    };
}
