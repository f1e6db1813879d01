using System.CommandLine;
using System.CommandLine.Help;
using Dray.Cli.Commands;
using Dray.Cli.Infrastructure;

namespace Dray.Cli;

/// <summary>The whole CLI as a function of arguments and a <see cref="CliContext"/>; <see cref="Program"/> only wires the process.</summary>
internal static class DrayApp
{
    public static RootCommand BuildRoot(CliContext ctx)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("dray: GitOps promotion orchestration (a Kargo-compatible server and its CLI)")
        {
            global.Server,
            global.Token,
            ServeCommand.Create(ctx),
            QuickstartCommand.Create(ctx),
            LoginCommand.Create(ctx, global),
            LogoutCommand.Create(ctx),
            VersionCommand.Create(ctx, global),
            ConfigCommand.Create(ctx),
            ApplyCommand.Create(ctx, global),
            CreateCommand.Create(ctx, global),
            GetCommand.Create(ctx, global),
            DeleteCommand.Create(ctx, global),
            RefreshCommand.Create(ctx, global),
            UpdateCommand.Create(ctx, global),
            PromoteCommand.Create(ctx, global),
            ApproveCommand.Create(ctx, global),
            VerifyCommand.Create(ctx, global),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        var parseResult = BuildRoot(ctx).Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await ctx.Error.WriteLineAsync($"Error: {error.Message}").ConfigureAwait(false);
            }

            await ctx.Error.WriteLineAsync("Run 'dray --help' (or 'dray COMMAND --help') for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }
}
