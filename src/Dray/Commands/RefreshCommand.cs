using System.CommandLine;
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
        var wait = new Option<bool>("--wait") { Description = "Wait until the Warehouse controller has handled the refresh" };
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
            if (parseResult.GetValue(wait))
            {
                await Poll.UntilAsync(ctx, async () =>
                {
                    var current = await client.GetAsync(ResourceKinds.Warehouse, projectName, warehouseName, ct).ConfigureAwait(false);
                    return (string?)current.Status?["lastHandledRefresh"] == token ? current : null;
                }, parseResult.GetValue(timeout), $"warehouse/{warehouseName} to refresh", ct).ConfigureAwait(false);
            }

            await ctx.Out.WriteLineAsync($"warehouse/{warehouseName} refreshed").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return new Command("refresh", "Ask a controller to reconcile now") { warehouse };
    }
}
