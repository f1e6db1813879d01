using System.Text.Json.Nodes;
using Dray.Cli.Infrastructure;
using Dray.Client;
using Dray.Core.Resources;
using Spectre.Console;

namespace Dray.Cli.Output;

/// <summary>
/// <c>promote --wait</c>: follows a Promotion and prints each step as its status changes (Spectre.Console, with
/// colour on a terminal and plain text otherwise), until the Promotion finishes.
/// </summary>
internal static class PromotionProgressPrinter
{
    private static readonly string[] TerminalPhases = ["Succeeded", "Failed", "Errored", "Aborted"];

    /// <summary>Returns the final phase and message.</summary>
    public static async Task<(string? Phase, string? Message)> FollowAsync(
        CliContext ctx, DrayClient client, string project, string name, TimeSpan timeout, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ctx.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Step messages are long; the output may be a pipe, so never wrap them.
        console.Profile.Width = 4096;
        var printed = new Dictionary<int, string>();
        var finished = await Poll.UntilAsync(ctx, async () =>
        {
            var current = await client.GetAsync(ResourceKinds.Promotion, project, name, ct).ConfigureAwait(false);
            var steps = current.Spec?["steps"] as JsonArray ?? [];
            var metadata = current.Status?["stepExecutionMetadata"] as JsonArray ?? [];
            for (var i = 0; i < metadata.Count; i++)
            {
                var status = (string?)metadata[i]?["status"] ?? "Pending";
                var message = (string?)metadata[i]?["message"];
                var line = $"{status}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}";
                if (printed.GetValueOrDefault(i) == line)
                {
                    continue;
                }

                printed[i] = line;
                var step = steps.Count > i ? steps[i] : null;
                var label = (string?)metadata[i]?["alias"] ?? (string?)step?["as"] ?? (string?)step?["uses"] ?? $"step-{i + 1}";
                console.MarkupLine($"  [[{i + 1}/{steps.Count}]] {Markup.Escape(label)} ([{Colour(status)}]{Markup.Escape(line)}[/])");
            }

            return TerminalPhases.Contains((string?)current.Status?["phase"]) ? current : null;
        }, timeout, $"promotion/{name} to finish", ct).ConfigureAwait(false);
        return ((string?)finished.Status?["phase"], (string?)finished.Status?["message"]);
    }

    private static string Colour(string status) => status switch
    {
        "Succeeded" or "Skipped" => "green",
        "Running" => "yellow",
        "Pending" => "grey",
        _ => "red",
    };
}
