using System.CommandLine;
using System.Text.Json.Nodes;
using Dray.Cli.Infrastructure;
using Dray.Client;
using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Cli.Commands;

/// <summary><c>dray refresh warehouse NAME --project P [--wait]</c>.</summary>
internal static class RefreshCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "The Warehouse" };
        var project = GlobalOptions.Project();
        var wait = new Option<bool>("--wait") { Description = "Wait until the Warehouse controller has discovered, and report the outcome (exit 1 when discovery failed)" };
        var timeout = Poll.TimeoutOption();
        var warehouse = new Command("warehouse", "Ask a Warehouse to discover artifacts now") { name, project, wait, timeout };
        warehouse.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var connection = new Connection(ctx, global, parseResult);
            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            var warehouseName = parseResult.GetRequiredValue(name);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var refreshed = await client.RefreshWarehouseAsync(projectName, warehouseName, ct).ConfigureAwait(false);
            var token = refreshed.GetAnnotation(KargoAnnotations.Refresh);
            if (!parseResult.GetValue(wait))
            {
                await ctx.Out.WriteLineAsync($"warehouse/{warehouseName} refreshed").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var handled = await Poll.UntilAsync(ctx, async () =>
            {
                var current = await client.GetAsync(ResourceKinds.Warehouse, projectName, warehouseName, ct).ConfigureAwait(false);
                return (string?)current.Status?["lastHandledRefresh"] == token ? current : null;
            }, parseResult.GetValue(timeout), $"warehouse/{warehouseName} to refresh", ct).ConfigureAwait(false);
            var ready = (handled.Status?["conditions"] as JsonArray)?.FirstOrDefault(c => (string?)c?["type"] == "Ready");
            var message = (string?)ready?["message"] ?? "";
            if ((string?)ready?["status"] != "True")
            {
                // The controller reports a failed discovery on the Ready condition and still marks the refresh handled.
                throw new CliException($"warehouse/{warehouseName}: discovery failed: {message}", ExitCodes.Error);
            }

            var discoveredAt = (string?)handled.Status?["discoveredArtifacts"]?["discoveredAt"];
            await ctx.Out.WriteLineAsync($"warehouse/{warehouseName} refreshed: {message} (discovered at {discoveredAt})").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return new Command("refresh", "Ask a controller to reconcile now") { warehouse };
    }
}
