using System.Net;
using Dray.Core.Storage;
using Dray.Server.Tests.Support;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Server.Tests.Ui;

/// <summary>The detail pages as the server prerenders them, for an admin and for a viewer.</summary>
[Collection(ServerCollection.Name)]
public sealed class UiDetailPagesTests(SharedServer server)
{
    private IResourceStore Store => server.Host.App.Services.GetRequiredService<IResourceStore>();

    [Fact]
    public async Task Stage_page_shows_history_promotions_and_actions_for_an_admin()
    {
        await UiSeed.SeedAsync(Store, "ui-stage");
        using var admin = Browser(await AdminTokenAsync());

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/projects/ui-stage/stages/dev"));

        html.ShouldContain("data-history=\"f-new\"");
        html.ShouldContain("data-action=\"promote\"");
        html.ShouldContain("data-action=\"reverify\"");
        html.ShouldContain("data-action=\"promote-downstream\"");
        html.ShouldContain("Verified");
    }

    [Fact]
    public async Task Stage_page_of_a_stage_without_verification_shows_verified_from_the_freight()
    {
        await UiSeed.SeedAsync(Store, "ui-stage-verified");
        using var admin = Browser(await AdminTokenAsync());

        // Stage "test" has no spec.verification and no AnalysisRun; its Freight f-old has status.verifiedIn["test"].
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/projects/ui-stage-verified/stages/test"));

        html.ShouldContain("Verified");
        html.ShouldNotContain("Not verified");
    }

    [Fact]
    public async Task A_viewer_sees_the_pages_without_any_action()
    {
        await UiSeed.SeedAsync(Store, "ui-viewer");
        using var token = await server.Host.TokenClientAsync(server.Admin, "ui-viewer-token", "viewer", "ui-viewer");
        using var viewer = Browser(token.DefaultRequestHeaders.Authorization!.Parameter!);

        var project = await viewer.GetStringAsync("/projects/ui-viewer");
        var stage = await viewer.GetStringAsync("/projects/ui-viewer/stages/dev");
        var freight = await viewer.GetStringAsync("/projects/ui-viewer/freight/f-new");
        var warehouse = await viewer.GetStringAsync("/projects/ui-viewer/warehouses/app");

        project.ShouldContain("data-stage=\"dev\"");
        stage.ShouldContain("data-history=\"f-new\"");
        freight.ShouldContain("data-artifact=\"image\"");
        warehouse.ShouldContain("Discovered artifacts");
        foreach (var html in new[] { project, stage, freight, warehouse })
        {
            html.ShouldNotContain("data-action=");
        }
    }

    [Fact]
    public async Task Freight_page_offers_approve_and_shows_why_promotion_is_blocked()
    {
        await UiSeed.SeedAsync(Store, "ui-freight");
        using var admin = Browser(await AdminTokenAsync());

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/projects/ui-freight/freight/f-old"));

        html.ShouldContain("steady-heron");
        html.ShouldContain("data-journey=\"in:test\"");
        html.ShouldContain("data-action=\"promote-freight\"", customMessage: "dev takes Freight directly and is the first Stage in the select");
        html.ShouldContain("data-action=\"approve\"");
    }

    [Fact]
    public async Task Missing_resources_say_so()
    {
        await UiSeed.SeedAsync(Store, "ui-missing");
        using var admin = Browser(await AdminTokenAsync());

        (await admin.GetStringAsync("/projects/ui-missing/promotions/nope")).ShouldContain("not found in project");
        (await admin.GetStringAsync("/projects/ui-missing/analysisruns/nope")).ShouldContain("not found in project");
    }

    private async Task<string> AdminTokenAsync()
    {
        using var login = await server.Host.AdminAsync();
        return login.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private HttpClient Browser(string token)
    {
        var cookies = new CookieContainer();
        cookies.Add(server.Host.BaseAddress, new Cookie(UiLogin.CookieName, token));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Host.BaseAddress };
    }
}
