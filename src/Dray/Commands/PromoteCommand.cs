using System.CommandLine;
using System.Text.Json.Nodes;
using Dray.Cli.Infrastructure;
using Dray.Cli.Output;
using Dray.Client;

namespace Dray.Cli.Commands;

/// <summary>
/// <c>dray promote --project P --stage S (--freight ID | --freight-alias A | --warehouse W) [--wait]</c>,
/// <c>dray promote --project P --downstream-from S (--freight ID | --freight-alias A)</c>, and
/// <c>dray promote --project P --name PROMO --abort</c>.
/// </summary>
internal static class PromoteCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var stage = new Option<string?>("--stage") { Description = "The Stage to promote to" };
        var freight = new Option<string?>("--freight") { Description = "The Freight's name" };
        var alias = new Option<string?>("--freight-alias") { Description = "The Freight's alias" };
        var warehouse = new Option<string?>("--warehouse") { Description = "Promote the newest Freight from this Warehouse that the Stage may take" };
        var downstream = new Option<string?>("--downstream-from") { Description = "Promote to every Stage that takes Freight from this Stage" };
        var name = new Option<string?>("--name") { Description = "With --abort: the Promotion" };
        var abort = new Option<bool>("--abort") { Description = "Abort the Promotion named by --name" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the Promotion to finish; fail unless it succeeds" };
        var timeout = Poll.TimeoutOption();
        var project = GlobalOptions.Project();
        var command = new Command("promote", "Promote Freight to a Stage, or abort a Promotion") { stage, freight, alias, warehouse, downstream, name, abort, wait, timeout, project };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var connection = new Connection(ctx, global, parseResult);
            if (parseResult.GetValue(abort))
            {
                var promotion = parseResult.GetValue(name) is { Length: > 0 } n ? n : throw new CliException("--abort needs --name PROMOTION", ExitCodes.Usage);
                var abortProject = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
                using var abortClient = await connection.OpenAsync(ct).ConfigureAwait(false);
                await abortClient.AbortPromotionAsync(abortProject, promotion, ct).ConfigureAwait(false);
                await ctx.Out.WriteLineAsync($"promotion/{promotion} abort requested").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (parseResult.GetValue(downstream) is { Length: > 0 } upstream)
            {
                return await PromoteDownstreamAsync(ctx, connection, project, upstream, parseResult.GetValue(freight), parseResult.GetValue(alias), ct).ConfigureAwait(false);
            }

            var stageName = parseResult.GetValue(stage) is { Length: > 0 } s ? s : throw new CliException("give --stage STAGE, --downstream-from STAGE, or --name PROMOTION --abort", ExitCodes.Usage);
            var freightName = parseResult.GetValue(freight);
            var freightAlias = parseResult.GetValue(alias);
            var warehouseName = parseResult.GetValue(warehouse);
            if (new[] { freightName, freightAlias, warehouseName }.Count(v => !string.IsNullOrEmpty(v)) != 1)
            {
                throw new CliException("give exactly one of --freight, --freight-alias and --warehouse", ExitCodes.Usage);
            }

            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var created = warehouseName is { Length: > 0 }
                ? await client.PromoteFromWarehouseAsync(projectName, stageName, warehouseName, ct).ConfigureAwait(false)
                : await client.PromoteAsync(projectName, stageName, freightName, freightAlias, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"promotion/{created.Name} created").ConfigureAwait(false);
            if (!parseResult.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            var (phase, message) = await PromotionProgressPrinter.FollowAsync(ctx, client, projectName, created.Name, parseResult.GetValue(timeout), ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"promotion/{created.Name} {phase}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}").ConfigureAwait(false);
            return phase == "Succeeded" ? ExitCodes.Success : ExitCodes.Error;
        }, ct));
        return command;
    }

    private static async Task<int> PromoteDownstreamAsync(
        CliContext ctx, Connection connection, Option<string?> project, string upstream, string? freight, string? alias, CancellationToken ct)
    {
        UpdateCommand.ExactlyOne(freight, alias, "--freight", "--freight-alias");
        var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
        using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
        var result = await client.PromoteDownstreamAsync(projectName, upstream, freight, alias, ct).ConfigureAwait(false);
        foreach (var item in result["items"] as JsonArray ?? [])
        {
            await ctx.Out.WriteLineAsync($"promotion/{(string?)item?["metadata"]?["name"]} created").ConfigureAwait(false);
        }

        foreach (var item in result["skipped"] as JsonArray ?? [])
        {
            await ctx.Error.WriteLineAsync($"stage/{(string?)item?["stage"]} skipped: {(string?)item?["reason"]}").ConfigureAwait(false);
        }

        return (result["items"] as JsonArray)?.Count > 0 ? ExitCodes.Success : ExitCodes.Error;
    }
}
