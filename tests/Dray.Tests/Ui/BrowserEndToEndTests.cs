using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Dray.Tests.Ui;

/// <summary>
/// The web UI in a real browser against <c>dray serve</c> (in process, controllers on) with a real registry and git server:
/// sign in, see the pipeline, promote to dev and watch the Stage card change live, approve for prod and promote, roll back.
/// </summary>
public sealed class BrowserEndToEndTests(AnonymousOciRegistry registry, GitHttpServer git)
    : IClassFixture<AnonymousOciRegistry>, IClassFixture<GitHttpServer>, IAsyncLifetime
{
    private const string Password = "ui-e2e-admin-password";
    private const string Project = "shop";
    private readonly TempDirectory _data = new("dray-ui-e2e-");
    private WebApplication _server = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _server = DrayServer.Build(new DrayServerOptions { DataDirectory = _data.Path, ListenAddress = "127.0.0.1:0", AdminPassword = Password }, TextWriter.Null);
        await _server.StartAsync();
        _url = _server.Urls.First();
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [SkippableFact]
    public async Task Sign_in_promote_to_dev_live_approve_and_promote_to_prod_then_roll_back()
    {
        BrowserSession.SkipUnlessChromium();
        await PushImageAsync("1.0.0", 1);
        using var api = await ApiAsync();
        await ApplyPipelineAsync(api);
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        // 1. Sign in and see the pipeline.
        await browser.SignInAsync(_url, "Admin password", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Project })).ToBeVisibleAsync();
        await browser.OpenLiveAsync($"{_url}/projects/{Project}");
        await Assertions.Expect(page.Locator("[data-warehouse=app]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-stage=dev]")).ToContainTextAsync("No promotion yet");
        await Assertions.Expect(page.Locator("[data-freight]")).ToHaveCountAsync(1);
        var first = await OnlyFreightAsync(api);
        await browser.ScreenshotAsync("01-pipeline");

        // 2. Promote to dev from the Stage card and watch the card change without a reload.
        await page.EvaluateAsync("() => window.drayNoReload = true");
        await page.Locator("[data-stage=dev] button[data-action=promote]").ClickAsync();
        await page.Locator($"tr[data-choice='{first.Name}'] button").ClickAsync();
        await browser.ScreenshotAsync("02-confirm-promotion");
        await browser.ConfirmAsync("Promote");
        await browser.ExpectSnackbarAsync("created");
        var dev = page.Locator("[data-stage=dev]");
        await Assertions.Expect(dev).ToContainTextAsync("Promotion succeeded");
        await Assertions.Expect(dev).ToContainTextAsync(first.Alias);
        await Assertions.Expect(dev.Locator(".dray-mark", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*Healthy\\s*$") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-freight='{first.Name}']")).ToContainTextAsync("In dev");
        (await page.EvaluateAsync<bool>("() => window.drayNoReload === true")).ShouldBeTrue("the card changed live, without a page load");
        await browser.ScreenshotAsync("03-dev-promoted");

        // 3. prod takes Freight after a day in dev; approve it for prod instead, then promote from the Freight page.
        await browser.OpenLiveAsync($"{_url}/projects/{Project}/freight/{first.Name}");
        var prodRow = page.Locator("tr[data-target=prod]");
        await Assertions.Expect(prodRow).ToContainTextAsync("Blocked");
        await Assertions.Expect(prodRow.Locator("button[data-action=promote-freight]")).ToHaveCountAsync(0);
        await prodRow.Locator("button[data-action=approve]").ClickAsync();
        await browser.ConfirmAsync("Approve");
        await browser.ExpectSnackbarAsync("approved for prod");
        await Assertions.Expect(prodRow).ToContainTextAsync("approved for this Stage");
        await prodRow.Locator("button[data-action=promote-freight]").ClickAsync();
        await browser.ConfirmAsync("Promote");
        await browser.ExpectSnackbarAsync("created");
        await Assertions.Expect(page.Locator("[data-journey='in:prod']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("04-freight-approved-and-promoted");

        // 4. A newer image, found by refreshing the Warehouse, goes to dev; then dev rolls back to the first Freight.
        await PushImageAsync("1.1.0", 2);
        await browser.OpenLiveAsync($"{_url}/projects/{Project}/warehouses/app");
        await page.Locator("button[data-action=refresh]").ClickAsync();
        await browser.ConfirmAsync("Refresh");
        await browser.ExpectSnackbarAsync("Refresh of Warehouse app requested");
        await Assertions.Expect(page.Locator("[data-subscription='0']")).ToContainTextAsync("1.1.0");
        await browser.ScreenshotAsync("05-warehouse");
        var second = await NewestFreightAsync(api, first.Name);
        await PromoteOnStagePageAsync(browser, "dev", second.Name);
        await Assertions.Expect(page.Locator("tr[data-history]").First).ToHaveAttributeAsync("data-history", second.Name);

        await page.Locator($"tr[data-history='{first.Name}'] button[data-action=rollback]").ClickAsync();
        await browser.ConfirmAsync("Roll back");
        await browser.ExpectSnackbarAsync("created");
        await Assertions.Expect(page.Locator("tr[data-history]").First).ToHaveAttributeAsync("data-history", first.Name);
        await browser.ScreenshotAsync("06-dev-rolled-back");
        await page.Locator("tr[data-promotion] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-step=step-1]")).ToContainTextAsync("Succeeded");
        await Assertions.Expect(page.Locator("tr[data-step=step-1]")).ToContainTextAsync("file-write");
        await browser.ScreenshotAsync("07-promotion");

        await browser.OpenLiveAsync($"{_url}/projects/{Project}");
        await Assertions.Expect(page.Locator("[data-stage=dev]")).ToContainTextAsync(first.Alias);
        await Assertions.Expect(page.Locator("[data-stage=prod]")).ToContainTextAsync(first.Alias);
        await browser.ScreenshotAsync("08-project-page");
    }

    [SkippableFact]
    public async Task A_viewer_token_sees_the_pipeline_but_no_action()
    {
        BrowserSession.SkipUnlessChromium();
        using var api = await ApiAsync();
        await ApplyPipelineAsync(api);
        var created = await api.PostAsJsonAsync("/api/v1/tokens", new { name = "ui-viewer", role = "viewer", project = Project });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        await using var browser = await BrowserSession.StartAsync();

        await browser.SignInAsync(_url, "API token", token);
        await browser.OpenLiveAsync($"{_url}/projects/{Project}");

        await Assertions.Expect(browser.Page.Locator("[data-stage=dev]")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("[data-action]")).ToHaveCountAsync(0);
        await browser.OpenLiveAsync($"{_url}/projects/{Project}/stages/dev");
        await Assertions.Expect(browser.Page.Locator("[data-action]")).ToHaveCountAsync(0);
    }

    private static async Task PromoteOnStagePageAsync(BrowserSession browser, string stage, string freight)
    {
        await browser.OpenLiveAsync($"{browser.Page.Url.Split("/projects/")[0]}/projects/{Project}/stages/{stage}");
        await browser.Page.Locator("#page-title ~ * button[data-action=promote], button[data-action=promote]").First.ClickAsync();
        await browser.Page.Locator($"tr[data-choice='{freight}'] button").ClickAsync();
        await browser.ConfirmAsync("Promote");
        await browser.ExpectSnackbarAsync("created");
    }

    private async Task PushImageAsync(string tag, int day) =>
        await registry.PushImageAsync("shop/app", tag, new OciImageSpec { Created = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero), Content = "app:" + tag });

    private async Task<HttpClient> ApiAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(_url), Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/api/v1/login", new { password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task ApplyPipelineAsync(HttpClient api)
    {
        if ((await api.GetAsync($"/api/v1/projects/{Project}")).IsSuccessStatusCode)
        {
            return;
        }

        using var source = new TempDirectory("dray-ui-e2e-git-");
        await File.WriteAllTextAsync(Path.Combine(source.Path, "app.yaml"), "image: app\n");
        var repo = "shop-config-" + Guid.NewGuid().ToString("N")[..8];
        await git.SeedRepoAsync(repo, source.Path);
        var yaml = UiPipeline.Yaml(Project, $"{registry.Host}/shop/app", git.RepoUrl(repo), git.Username, git.Password);
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        var response = await api.PostAsync("/api/v1/resources", content);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Name, string Alias)> OnlyFreightAsync(HttpClient api) =>
        (await FreightAsync(api)).ShouldHaveSingleItem();

    private static async Task<(string Name, string Alias)> NewestFreightAsync(HttpClient api, string except)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var other = (await FreightAsync(api)).Where(f => f.Name != except).ToList();
            if (other.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return other.ShouldHaveSingleItem("the refresh discovered the new image");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<List<(string Name, string Alias)>> FreightAsync(HttpClient api)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{Project}/freight");
        return [.. list.GetProperty("items").EnumerateArray().Select(f => (f.GetProperty("metadata").GetProperty("name").GetString()!, f.GetProperty("alias").GetString()!))];
    }
}
