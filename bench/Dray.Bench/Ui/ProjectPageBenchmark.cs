using System.Diagnostics;
using System.Globalization;
using Dray.Core.Storage;
using Dray.Server;
using Dray.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Dray.Bench.Ui;

/// <summary>
/// Seeds a project with --stages Stages (600) and --freight Freight (10000) into SQLite, serves it with <c>dray serve</c>'s
/// server in process and times the project page in Debian's Chromium: time to content (the freight line and the Stage
/// list are on screen) and time to interactive (the live circuit is up), --runs (5) fresh page loads; then the graph
/// view and its filter at that scale. The floor is reading the project's documents from the store.
/// </summary>
internal sealed class ProjectPageBenchmark : IBenchmark
{
    private const string Project = "bench";
    private const string Password = "bench-admin-password";

    public string Name => "ui-project-page";

    public string Description => "project page in Chromium over --stages (600) Stages and --freight (10000) Freight, --runs (5) loads";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var stages = arguments.GetInt("stages", 600);
        var freight = arguments.GetInt("freight", 10_000);
        var runs = arguments.GetInt("runs", 5);
        var chromium = arguments.GetString("chromium") ?? "/usr/bin/chromium";
        var directory = Directory.CreateTempSubdirectory("dray-bench-ui-").FullName;
        try
        {
            var floor = await SeedAsync(Path.Combine(directory, "dray.db"), stages, freight, runs, cancellationToken);
            Console.WriteLine(Text($"floor: reading {stages} Stages + {freight} Freight from the store: median {Median(floor):F0} ms"));

            var server = DrayServer.Build(new DrayServerOptions { DataDirectory = directory, ListenAddress = "127.0.0.1:0", AdminPassword = Password, Controllers = false }, TextWriter.Null,
                b => b.Logging.SetMinimumLevel(LogLevel.Warning));
            await server.StartAsync(cancellationToken);
            try
            {
                await MeasureAsync(server.Urls.First(), chromium, runs, Median(floor));
            }
            finally
            {
                await server.StopAsync(CancellationToken.None);
                await server.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task<List<double>> SeedAsync(string path, int stages, int freight, int runs, CancellationToken ct)
    {
        await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = path }, TimeProvider.System);
        var started = Stopwatch.GetTimestamp();
        await ProjectSeeder.SeedAsync(store, Project, stages, 10, freight, ct);
        Console.WriteLine(Text($"seed: {stages} Stages and {freight} Freight in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        var floor = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var read = Stopwatch.GetTimestamp();
            foreach (var kind in new[] { "Warehouse", "Stage", "Freight" })
            {
                string? token = null;
                do
                {
                    var page = await store.ListAsync(new ListQuery(kind, Project, 500, token), ct);
                    token = page.ContinueToken;
                }
                while (token is not null);
            }

            floor.Add(Stopwatch.GetElapsedTime(read).TotalMilliseconds);
        }

        return floor;
    }

    private static async Task MeasureAsync(string url, string chromium, int runs, double floor)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout(120_000);
        var login = await context.NewPageAsync();
        await login.GotoAsync(url + "/login");
        await login.FillAsync("#dray-secret", Password);
        await login.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await login.Locator("#page-title").WaitForAsync();
        await login.CloseAsync();

        // The server's first Blazor page pays for JIT; warm that up on the projects page, never on the project page.
        var warm = await context.NewPageAsync();
        await warm.GotoAsync(url + "/");
        await warm.Locator("#page-title").WaitForAsync();
        await warm.CloseAsync();

        var content = new List<double>();
        var interactive = new List<double>();
        IPage? last = null;
        for (var i = 0; i < runs; i++)
        {
            if (last is not null)
            {
                await last.CloseAsync();
            }

            var page = last = await context.NewPageAsync();
            var started = Stopwatch.GetTimestamp();
            await page.GotoAsync($"{url}/projects/{Project}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator("[data-freight]").First.WaitForAsync();
            await page.Locator("[data-stage-row]").First.WaitForAsync();
            content.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await page.Locator("#live-indicator").WaitForAsync();
            interactive.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Console.WriteLine(Text($"run {i + 1}: content {content[^1]:F0} ms, interactive {interactive[^1]:F0} ms"));
        }

        Console.WriteLine(Text($"project page: content median {Median(content):F0} ms (min {content.Min():F0}, max {content.Max():F0}), ratio to floor {Median(content) / floor:F1}x"));
        Console.WriteLine(Text($"project page: interactive median {Median(interactive):F0} ms (min {interactive.Min():F0}, max {interactive.Max():F0})"));

        var graph = Stopwatch.GetTimestamp();
        await last!.GetByText("Graph", new() { Exact = true }).ClickAsync();
        await last.Locator("[data-stage]").First.WaitForAsync();
        var cards = await last.Locator("[data-stage]").CountAsync();
        Console.WriteLine(Text($"graph view (compact cards): {cards} Stage cards in {Stopwatch.GetElapsedTime(graph).TotalMilliseconds:F0} ms"));
        var filter = Stopwatch.GetTimestamp();
        await last.GetByLabel("Filter Stages by name").FillAsync("app007-");
        await last.WaitForFunctionAsync("() => document.querySelectorAll('[data-stage]').length === 10");
        Console.WriteLine(Text($"graph filter 'app007-': 10 cards in {Stopwatch.GetElapsedTime(filter).TotalMilliseconds:F0} ms"));
        var full = Stopwatch.GetTimestamp();
        await last.GetByLabel("Compact cards").UncheckAsync();
        await last.Locator("[data-stage] .dray-mark").Nth(39).WaitForAsync();
        Console.WriteLine(Text($"graph filter 'app007-', full cards: 10 cards in {Stopwatch.GetElapsedTime(full).TotalMilliseconds:F0} ms"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
