using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Client;

namespace Dray.Cli.Commands;

/// <summary><c>dray verify stage S --project P [--abort]</c>: verify the Stage's current Freight again, or stop the running verification.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("stage") { Description = "The Stage" };
        var abort = new Option<bool>("--abort") { Description = "Abort the running verification instead" };
        var project = GlobalOptions.Project();
        var stage = new Command("stage", "Re-verify a Stage's current Freight, or abort its verification") { name, abort, project };
        stage.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var connection = new Connection(ctx, global, parseResult);
            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            var stageName = parseResult.GetRequiredValue(name);
            var aborting = parseResult.GetValue(abort);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            await client.VerifyStageAsync(projectName, stageName, aborting, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"stage/{stageName} {(aborting ? "verification abort requested" : "re-verification requested")}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return new Command("verify", "Control Stage verification") { stage };
    }
}
