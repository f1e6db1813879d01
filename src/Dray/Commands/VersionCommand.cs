using System.CommandLine;
using System.Reflection;
using Dray.Cli.Infrastructure;

namespace Dray.Cli.Commands;

/// <summary><c>dray version [--client]</c>.</summary>
internal static class VersionCommand
{
    public static string ClientVersion =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var clientOnly = new Option<bool>("--client") { Description = "Show only the client version" };
        var command = new Command("version", "Show the client and server versions") { clientOnly };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            await ctx.Out.WriteLineAsync($"Client Version: {ClientVersion}").ConfigureAwait(false);
            if (parseResult.GetValue(clientOnly))
            {
                return ExitCodes.Success;
            }

            using var client = await new Connection(ctx, global, parseResult).OpenAsync(ct).ConfigureAwait(false);
            var server = await client.GetVersionAsync(ct).ConfigureAwait(false);
            var commit = string.IsNullOrEmpty(server.Commit) ? "" : $" (commit {server.Commit})";
            await ctx.Out.WriteLineAsync($"Server Version: {server.Version}{commit}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
