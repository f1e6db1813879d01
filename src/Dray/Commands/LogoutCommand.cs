using System.CommandLine;
using Dray.Cli.Config;
using Dray.Cli.Infrastructure;

namespace Dray.Cli.Commands;

/// <summary><c>dray logout</c>: forgets the token; the server and project stay for the next login.</summary>
internal static class LogoutCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("logout", "Forget the stored token");
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var store = ConfigStore.For(ctx);
            var config = await store.LoadAsync(ct).ConfigureAwait(false);
            if (config.Token is null)
            {
                await ctx.Out.WriteLineAsync("Not logged in").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await store.SaveAsync(config with { Token = null }, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Logged out of {config.Server}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
