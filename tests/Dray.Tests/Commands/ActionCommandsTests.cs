using System.Text.Json.Nodes;
using Dray.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Dray.Tests.Commands;

/// <summary>refresh, update freight, promote, abort, approve and get freight --stage through the CLI against a real server.</summary>
public sealed class ActionCommandsTests : IAsyncLifetime
{
    private const string Password = "actions-admin-password";
    private const string FreightA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string FreightB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private readonly CliHarness _cli = new();
    private WebApplication _server = null!;

    public async Task InitializeAsync()
    {
        var options = new DrayServerOptions
        {
            DataDirectory = Path.Combine(_cli.Home, "data"), ListenAddress = "127.0.0.1:0", AdminPassword = Password, Controllers = false,
        };
        _server = DrayServer.Build(options, TextWriter.Null, b => b.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning));
        await _server.StartAsync();
        await Ok("login", _server.Urls.First(), "--admin", "--password", Password);
        var applied = await _cli.RunWithInputAsync(Manifests(), "apply", "-f", "-");
        applied.ExitCode.ShouldBe(0, applied.Error);
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Refresh_sets_the_annotation_and_an_unknown_warehouse_fails()
    {
        (await Ok("refresh", "warehouse", "images", "--project", "demo")).Out.ShouldBe("warehouse/images refreshed\n");
        var warehouse = JsonNode.Parse((await Ok("get", "warehouse", "images", "--project", "demo", "-o", "json")).Out)!;
        warehouse["metadata"]!["annotations"]!["kargo.akuity.io/refresh"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var missing = await _cli.RunAsync("refresh", "warehouse", "nope", "--project", "demo");
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldContain("nope");
    }

    [Fact]
    public async Task Update_freight_changes_the_alias_by_name_or_old_alias()
    {
        (await Ok("update", "freight", "--old-alias", "first", "--new-alias", "renamed", "--project", "demo")).Out.ShouldBe($"freight/{FreightA} updated\n");
        (await Ok("update", "freight", "--name", FreightB, "--new-alias", "other", "--project", "demo")).Out.ShouldBe($"freight/{FreightB} updated\n");
        var freight = JsonNode.Parse((await Ok("get", "freight", FreightA, "--project", "demo", "-o", "json")).Out)!;
        freight["alias"]!.GetValue<string>().ShouldBe("renamed");

        (await _cli.RunAsync("update", "freight", "--name", FreightA, "--old-alias", "x", "--new-alias", "y", "--project", "demo")).ExitCode.ShouldBe(2);
        (await _cli.RunAsync("update", "freight", "--name", FreightA, "--new-alias", "other", "--project", "demo")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Get_freight_for_a_stage_shows_availability_and_approve_changes_it()
    {
        var before = (await Ok("get", "freight", "--stage", "prod", "--project", "demo")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        before[0].ShouldMatch("^NAME +ALIAS +AVAILABLE +REASON$");
        before.Skip(1).ShouldAllBe(line => line.Contains(" no "));

        (await Ok("approve", "--freight-alias", "second", "--stage", "prod", "--project", "demo")).Out.ShouldBe($"freight/{FreightB} approved for stage/prod\n");

        var after = (await Ok("get", "freight", "--stage", "prod", "--project", "demo", "--no-headers")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        after.Single(l => l.StartsWith(FreightB, StringComparison.Ordinal)).ShouldContain(" yes ");
        after.Single(l => l.StartsWith(FreightA, StringComparison.Ordinal)).ShouldContain(" no ");
        (await _cli.RunAsync("approve", "--freight", FreightB, "--stage", "missing", "--project", "demo")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Promote_creates_a_promotion_refuses_unavailable_freight_and_abort_marks_it()
    {
        var created = (await Ok("promote", "--stage", "test", "--freight", FreightA, "--project", "demo")).Out.Trim();
        created.ShouldMatch($@"^promotion/test\.[0-9a-z]+\.{FreightA[..7]} created$");
        var promotion = created["promotion/".Length..^" created".Length];

        var refused = await _cli.RunAsync("promote", "--stage", "prod", "--freight-alias", "first", "--project", "demo");
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldNotBeNullOrWhiteSpace();

        (await Ok("promote", "--name", promotion, "--abort", "--project", "demo")).Out.ShouldBe($"promotion/{promotion} abort requested\n");
        var stored = JsonNode.Parse((await Ok("get", "promotion", promotion, "--project", "demo", "-o", "json")).Out)!;
        stored["metadata"]!["annotations"]!["kargo.akuity.io/abort"]!.GetValue<string>().ShouldContain("terminate");
        (await _cli.RunAsync("promote", "--abort", "--project", "demo")).ExitCode.ShouldBe(2);
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }

    private static string Manifests() => string.Join("\n---\n",
        """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: demo
        """,
        """
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: images
          namespace: demo
        spec:
          subscriptions:
          - image:
              repoURL: nginx
        """,
        Stage("test", "direct: true"),
        Stage("prod", "stages: [test]"),
        Freight(FreightA, "first", 1),
        Freight(FreightB, "second", 2)) + "\n";

    private static string Stage(string name, string sources) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {name}
          namespace: demo
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: images
            sources:
              {sources}
          promotionTemplate:
            spec:
              steps:
              - uses: file-write
                config:
                  path: out.txt
                  contents: hello
        """;

    private static string Freight(string name, string alias, int minute) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: {name}
          namespace: demo
          labels:
            kargo.akuity.io/alias: {alias}
        alias: {alias}
        origin:
          kind: Warehouse
          name: images
        images:
        - repoURL: nginx
          tag: 1.24.{minute}
          digest: sha256:{new string((char)('0' + minute), 64)}
        """;
}
