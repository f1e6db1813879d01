using System.Net;
using Dray.Core.Storage;
using Dray.Server.Tests.Support;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Ui;

/// <summary>The pages as the server prerenders them for a signed-in browser, over a seeded store.</summary>
[Collection(ServerCollection.Name)]
public sealed class UiPagesTests(SharedServer server)
{
    private IResourceStore Store => server.Host.App.Services.GetRequiredService<IResourceStore>();

    [Fact]
    public async Task Projects_page_summarises_stages_health_and_promotions()
    {
        await UiSeed.SeedAsync(Store, "ui-summary");
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/");

        html.ShouldContain("/projects/ui-summary");
        var summaries = await server.Host.App.Services.GetRequiredService<ProjectReader>().ListProjectsAsync(p => p == "ui-summary", default);
        summaries.ShouldBe([new ProjectSummary("ui-summary", Stages: 3, Healthy: 1, PromotionsRunning: 0, PromotionsFailed: 0)]);
    }

    [Fact]
    public async Task Project_page_renders_freight_line_and_pipeline()
    {
        await UiSeed.SeedAsync(Store, "ui-page");
        using var client = await SignedInAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/projects/ui-page"));

        html.IndexOf("data-freight=\"f-new\"", StringComparison.Ordinal)
            .ShouldBeLessThan(html.IndexOf("data-freight=\"f-old\"", StringComparison.Ordinal), "newest first");
        html.ShouldContain("Approved for prod");
        html.ShouldContain("data-freight=\"f-old\"");
        html.ShouldContain("data-stage=\"prod\"");
        html.ShouldContain("data-warehouse=\"app\"");
        html.ShouldContain("Promotion failed");
    }

    [Fact]
    public async Task Project_snapshot_orders_freight_newest_first_and_resolves_aliases()
    {
        await UiSeed.SeedAsync(Store, "ui-snapshot");

        var snapshot = await server.Host.App.Services.GetRequiredService<ProjectReader>().ReadProjectAsync("ui-snapshot", default);

        snapshot.Freight.Select(f => f.Alias).ShouldBe(["brave-otter", "steady-heron"]);
        snapshot.Freight[0].ApprovedFor.ShouldBe(["prod"]);
        snapshot.Warehouses.ShouldBe(["app"]);
        var stages = snapshot.Stages.ToDictionary(s => s.Name);
        stages["dev"].CurrentFreight.ShouldBe("brave-otter");
        stages["dev"].Verification.ShouldBe(Dray.Core.Model.Stages.VerificationPhase.Successful);
        stages["dev"].AutoPromotion.ShouldBeTrue();
        stages["test"].CurrentFreight.ShouldBe("steady-heron", "falls back to lastPromotion");
        stages["test"].Verification.ShouldBe(Dray.Core.Model.Stages.VerificationPhase.Successful, "no spec.verification: f-old's verifiedIn[test] counts");
        stages["prod"].Verification.ShouldBeNull();
        stages["test"].Node.UpstreamStages.ShouldBe(["dev"]);
        stages["prod"].CurrentFreight.ShouldBeNull();
    }

    [Fact]
    public async Task A_project_bound_token_cannot_see_another_project()
    {
        await UiSeed.SeedAsync(Store, "ui-hidden");
        using var tokenClient = await server.Host.TokenClientAsync(server.Admin, "ui-pages-viewer", "viewer", "ui-other");
        using var client = Browser(tokenClient.DefaultRequestHeaders.Authorization!.Parameter!);

        var page = await client.GetStringAsync("/projects/ui-hidden");
        var list = await client.GetStringAsync("/");

        page.ShouldContain("You may not see project");
        page.ShouldNotContain("data-stage=");
        list.ShouldNotContain("/projects/ui-hidden");
    }

    private async Task<HttpClient> SignedInAsync()
    {
        using var anonymous = server.Host.Anonymous();
        var login = await server.Host.AdminAsync();
        return Browser(login.DefaultRequestHeaders.Authorization!.Parameter!, login);
    }

    private HttpClient Browser(string token, IDisposable? dispose = null)
    {
        dispose?.Dispose();
        var cookies = new CookieContainer();
        cookies.Add(server.Host.BaseAddress, new Cookie(UiLogin.CookieName, token));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Host.BaseAddress };
    }
}
