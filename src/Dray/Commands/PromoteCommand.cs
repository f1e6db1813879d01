using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Client;
using Dray.Core.Resources;

namespace Dray.Cli.Commands;

/// <summary>
/// <c>dray promote --project P --stage S (--freight ID | --freight-alias A) [--wait]</c>, and
/// <c>dray promote --project P --name PROMO --abort</c>.
/// </summary>
internal static class PromoteCommand
{
    private static readonly string[] TerminalPhases = ["Succeeded", "Failed", "Errored", "Aborted"];

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var stage = new Option<string?>("--stage") { Description = "The Stage to promote to" };
        var freight = new Option<string?>("--freight") { Description = "The Freight's name" };
        var alias = new Option<string?>("--freight-alias") { Description = "The Freight's alias" };
        var name = new Option<string?>("--name") { Description = "With --abort: the Promotion" };
        var abort = new Option<bool>("--abort") { Description = "Abort the Promotion named by --name" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the Promotion to finish; fail unless it succeeds" };
        var timeout = Poll.TimeoutOption();
        var project = GlobalOptions.Project();
        var command = new Command("promote", "Promote Freight to a Stage, or abort a Promotion") { stage, freight, alias, name, abort, wait, timeout, project };
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

            var stageName = parseResult.GetValue(stage) is { Length: > 0 } s ? s : throw new CliException("give --stage STAGE (or --name PROMOTION --abort)", ExitCodes.Usage);
            var freightName = parseResult.GetValue(freight);
            var freightAlias = parseResult.GetValue(alias);
            UpdateCommand.ExactlyOne(freightName, freightAlias, "--freight", "--freight-alias");
            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var created = await client.PromoteAsync(projectName, stageName, freightName, freightAlias, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"promotion/{created.Name} created").ConfigureAwait(false);
            if (!parseResult.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            var finished = await Poll.UntilAsync(ctx, async () =>
            {
                var current = await client.GetAsync(ResourceKinds.Promotion, projectName, created.Name, ct).ConfigureAwait(false);
                return TerminalPhases.Contains((string?)current.Status?["phase"]) ? current : null;
            }, parseResult.GetValue(timeout), $"promotion/{created.Name} to finish", ct).ConfigureAwait(false);
            var phase = (string?)finished.Status?["phase"];
            var message = (string?)finished.Status?["message"];
            await ctx.Out.WriteLineAsync($"promotion/{created.Name} {phase}{(string.IsNullOrEmpty(message) ? "" : ": " + message)}").ConfigureAwait(false);
            return phase == "Succeeded" ? ExitCodes.Success : ExitCodes.Error;
        }, ct));
        return command;
    }
}
