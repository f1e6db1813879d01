using Dray.TestKit;
using Microsoft.Playwright;

namespace Dray.Tests.Ui;

/// <summary>Debian's Chromium driven by Playwright (never <c>playwright install</c>), with screenshots under artifacts/ui-screenshots.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly float Timeout = 60_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>The repository's artifacts/ui-screenshots (test artifacts, not checked in).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "ui-screenshots");

    /// <summary>Skips with the install command when Chromium is missing, unless the infrastructure is required (test.sh, CI).</summary>
    public static void SkipUnlessChromium()
    {
        if (!File.Exists(ChromiumPath) && TestEnvironment.RequireInfra)
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; install it with `apt-get install -y chromium`");
        }

        Skip.IfNot(File.Exists(ChromiumPath), $"{ChromiumPath} is missing; install it with `apt-get install -y chromium` (or run ./test.sh)");
    }

    public static async Task<BrowserSession> StartAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new BrowserSession(playwright, browser, page);
    }

    public async Task SignInAsync(string baseUrl, string mode, string secret)
    {
        await Page.GotoAsync(baseUrl.TrimEnd('/') + "/login");
        await Page.GetByLabel(mode).CheckAsync();
        await Page.FillAsync("#dray-secret", secret);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#page-title")).ToHaveTextAsync("Projects");
    }

    /// <summary>Opens a page and waits until its circuit is connected, so buttons react.</summary>
    public async Task OpenLiveAsync(string url)
    {
        await Page.GotoAsync(url);
        await Assertions.Expect(Page.Locator("#live-indicator")).ToBeVisibleAsync();
    }

    /// <summary>Clicks the confirm button of the open confirmation dialog.</summary>
    public Task ConfirmAsync(string button) =>
        Page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = button }).ClickAsync();

    public Task ExpectSnackbarAsync(string text) =>
        Assertions.Expect(Page.Locator(".mud-snackbar", new() { HasText = text }).First).ToBeVisibleAsync();

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dray.slnx")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
