using System.Diagnostics;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;

namespace Dray.Tests.EndToEnd;

/// <summary>
/// The Stage lifecycle through the real CLI against the in-process server with its controllers: promote --wait with
/// live step progress, verify stage (and --abort), analysis runs with measurements, --downstream-from and --warehouse.
/// </summary>
public sealed class StageLifecycleCliTests : InProcessServerTest
{
    private const string FreightA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string FreightB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Out}\n{result.Error}");
        return result;
    }

    /// <summary>
    /// Runs a command that polls (<c>--wait</c>): the harness clock is fake, so it is moved along while the command
    /// runs; the server works in real time.
    /// </summary>
    private async Task<CliResult> RunTickingAsync(params string[] args)
    {
        using var stop = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Cli.Time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        });
        try
        {
            return await Cli.RunAsync(args);
        }
        finally
        {
            await stop.CancelAsync();
            await ticker;
        }
    }

    private static string Stage(string name, string sources, string steps, string extra = "") =>
        $"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: {name}\n  namespace: cli\nspec:\n"
        + $"  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: images\n    sources:\n      {sources}\n"
        + $"  promotionTemplate:\n    spec:\n      steps:\n{steps}" + extra;

    private static string Freight(string name, int minute) =>
        $"apiVersion: kargo.akuity.io/v1alpha1\nkind: Freight\nmetadata:\n  name: {name}\n  namespace: cli\norigin:\n  kind: Warehouse\n  name: images\n"
        + $"discoveredAt: \"2026-11-26T05:{minute:00}:00Z\"\nimages:\n- repoURL: nginx\n  tag: 1.24.{minute}\n  digest: sha256:{new string((char)('0' + minute), 64)}\n";

    private const string WriteSteps = "      - uses: file-write\n        as: write\n        config:\n          path: out.txt\n          contents: hello\n"
        + "      - uses: copy\n        as: copy\n        config:\n          inPath: out.txt\n          outPath: copy.txt\n";

    private const string BrokenSteps = "      - uses: copy\n        as: copy-missing\n        config:\n          inPath: missing.txt\n          outPath: copy.txt\n";

    private async Task<string> ApplyAsync(string baseUrl)
    {
        var verification = "  verification:\n    analysisTemplates:\n    - name: smoke\n    args:\n    - name: url\n      value: \"" + baseUrl + "/healthz\"\n";
        var yaml = string.Join("\n---\n",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: cli\n",
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: images\n  namespace: cli\nspec:\n  subscriptions:\n  - image:\n      repoURL: nginx\n      constraint: ^1.24.0\n",
            "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: smoke\n  namespace: cli\nspec:\n  args:\n  - name: url\n  metrics:\n  - name: smoke\n"
                + "    successCondition: result == \"ok\"\n    provider:\n      web:\n        url: \"{{ args.url }}\"\n        jsonPath: \"{$.status}\"\n",
            Stage("dev", "direct: true", WriteSteps, verification),
            Stage("uat", "stages: [dev]", WriteSteps),
            Stage("broken", "direct: true", BrokenSteps),
            Freight(FreightA, 1),
            Freight(FreightB, 2));
        var file = Path.Combine(Cli.Home, "lifecycle.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return file;
    }

    private async Task<JsonNode> WaitForStageAsync(string stage, Func<JsonNode, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = JsonNode.Parse((await Ok("get", "stage", stage, "--project", "cli", "-o", "json")).Out)!;
            if (done(json))
            {
                return json;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"waiting for {what}: {json.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static string? LatestPhase(JsonNode stage) => (string?)stage["status"]?["freightHistory"]?[0]?["verificationHistory"]?[0]?["phase"];

    [Fact]
    public async Task Promote_wait_verify_and_downstream_through_the_cli()
    {
        await using var endpoint = LoopbackHttpServer.Start(c => LoopbackHttpServer.RespondAsync(c, 200, "application/json", """{"status":"ok"}"""));
        await Ok("login", Url, "--admin", "--password", Password);
        await Ok("apply", "-f", await ApplyAsync(endpoint.BaseUri.ToString().TrimEnd('/')));

        var promoted = await RunTickingAsync("promote", "--project", "cli", "--stage", "dev", "--freight", FreightA, "--wait");
        promoted.ExitCode.ShouldBe(0, promoted.Out + promoted.Error);
        promoted.Out.ShouldContain("[1/2] write (Succeeded)");
        promoted.Out.ShouldContain("[2/2] copy (Succeeded)");
        promoted.Out.ShouldContain(" Succeeded: All steps completed successfully");

        await WaitForStageAsync("dev", s => LatestPhase(s) == "Successful", "dev verified");
        (await Ok("verify", "stage", "dev", "--project", "cli")).Out.ShouldBe("stage/dev re-verification requested\n");
        await WaitForStageAsync("dev", s => s["status"]?["freightHistory"]?[0]?["verificationHistory"]?.AsArray().Count == 2 && LatestPhase(s) == "Successful", "the second verification");
        var aborted = await Cli.RunAsync("verify", "stage", "dev", "--project", "cli", "--abort");
        aborted.ExitCode.ShouldBe(1);
        aborted.Error.ShouldContain("nothing to abort");

        var runs = await Ok("get", "analysisruns", "--project", "cli");
        runs.Out.ShouldContain("MEASUREMENTS");
        runs.Out.ShouldContain("smoke=Successful(1, last ok)");

        var downstream = await Ok("promote", "--project", "cli", "--downstream-from", "dev", "--freight", FreightA);
        downstream.Out.ShouldStartWith("promotion/uat.");
        downstream.Error.ShouldBeEmpty();

        var newest = await RunTickingAsync("promote", "--project", "cli", "--stage", "dev", "--warehouse", "images", "--wait");
        newest.ExitCode.ShouldBe(0, newest.Out + newest.Error);
        newest.Out.ShouldContain($".{FreightB[..7]} created");
    }

    [Fact]
    public async Task Promote_wait_exits_non_zero_when_a_step_fails_and_unavailable_freight_is_refused_with_the_reason()
    {
        await Ok("login", Url, "--admin", "--password", Password);
        await Ok("apply", "-f", await ApplyAsync("http://127.0.0.1:9"));

        var failed = await RunTickingAsync("promote", "--project", "cli", "--stage", "broken", "--freight", FreightA, "--wait");

        failed.ExitCode.ShouldBe(1, failed.Out + failed.Error);
        failed.Out.ShouldContain("[1/1] copy-missing (");
        failed.Out.ShouldMatch(@"(?s).*promotion/broken\.\S+ (Failed|Errored).*");

        var refused = await Cli.RunAsync("promote", "--project", "cli", "--stage", "uat", "--freight", FreightA);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("not verified in dev");
        var usage = await Cli.RunAsync("promote", "--project", "cli", "--stage", "uat", "--freight", FreightA, "--warehouse", "images");
        usage.ExitCode.ShouldNotBe(0);
        usage.Error.ShouldContain("exactly one of --freight, --freight-alias and --warehouse");
    }
}
