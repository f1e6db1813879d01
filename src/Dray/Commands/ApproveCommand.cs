using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Client;

namespace Dray.Cli.Commands;

/// <summary><c>dray approve --project P (--freight F | --freight-alias A) --stage S</c>.</summary>
internal static class ApproveCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var freight = new Option<string?>("--freight") { Description = "The Freight's name" };
        var alias = new Option<string?>("--freight-alias") { Description = "The Freight's alias" };
        var stage = new Option<string>("--stage") { Description = "The Stage to approve it for", Required = true };
        var project = GlobalOptions.Project();
        var command = new Command("approve", "Approve Freight for a Stage by hand") { freight, alias, stage, project };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var target = UpdateCommand.ExactlyOne(parseResult.GetValue(freight), parseResult.GetValue(alias), "--freight", "--freight-alias");
            var connection = new Connection(ctx, global, parseResult);
            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            var stageName = parseResult.GetRequiredValue(stage);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var approved = await client.ApproveFreightAsync(projectName, target, stageName, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"freight/{approved.Name} approved for stage/{stageName}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
