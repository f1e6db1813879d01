using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.Tests.EndToEnd;

/// <summary><c>dray refresh warehouse --wait</c> against a server whose Warehouse controller discovers from a real registry.</summary>
public sealed class RefreshWaitTests(AnonymousOciRegistry registry) : InProcessServerTest, IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Wait_reports_the_discovery_it_triggered_and_fails_with_the_reason_when_discovery_fails()
    {
        Cli.Clock = TimeProvider.System;
        await PushAsync("1.0.0", 1);
        var closedPort = FreePort.Next();
        await Ok("login", Url, "--admin", "--password", Password);
        var applied = await Cli.RunWithInputAsync(Manifests($"{registry.Host}/e2e/app", $"127.0.0.1:{closedPort}/e2e/app"), "apply", "-f", "-");
        applied.ExitCode.ShouldBe(0, applied.Error);

        var first = await Ok("refresh", "warehouse", "app", "--project", "e2e", "--wait", "--timeout", "00:01:00");
        first.Out.ShouldStartWith("warehouse/app refreshed: Artifacts discovered");
        NewestTag(await Ok("get", "warehouse", "app", "--project", "e2e", "-o", "json")).ShouldBe("1.0.0");

        // A tag pushed now is only seen by the discovery this refresh triggers, so the wait must have waited for it.
        await PushAsync("1.1.0", 2);
        await Ok("refresh", "warehouse", "app", "--project", "e2e", "--wait", "--timeout", "00:01:00");
        NewestTag(await Ok("get", "warehouse", "app", "--project", "e2e", "-o", "json")).ShouldBe("1.1.0");

        var failed = await Cli.RunAsync("refresh", "warehouse", "offline", "--project", "e2e", "--wait", "--timeout", "00:01:00");
        failed.ExitCode.ShouldBe(1);
        failed.Error.ShouldContain("warehouse/offline: discovery failed: ");
        failed.Error.ShouldContain($"registry 127.0.0.1:{closedPort} is unreachable");
    }

    private async Task PushAsync(string tag, int minutes) =>
        await registry.PushImageAsync("e2e/app", tag, new OciImageSpec
        {
            Created = new DateTimeOffset(2024, 1, 1, 0, minutes, 0, TimeSpan.Zero),
            Content = tag,
            Labels = new Dictionary<string, string>(),
        });

    private static string? NewestTag(CliResult result) =>
        (string?)JsonNode.Parse(result.Out)!["status"]!["discoveredArtifacts"]!["images"]![0]!["references"]![0]!["tag"];

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, $"dray {string.Join(' ', args)}\n{result.Error}");
        return result;
    }

    private static string Manifests(string repoUrl, string offlineUrl) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: e2e
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: app
          namespace: e2e
        spec:
          subscriptions:
          - image:
              repoURL: {repoUrl}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: offline
          namespace: e2e
        spec:
          subscriptions:
          - image:
              repoURL: {offlineUrl}

        """;
}
