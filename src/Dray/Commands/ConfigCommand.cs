using System.CommandLine;
using System.Text.Json.Nodes;
using Dray.Cli.Config;
using Dray.Cli.Infrastructure;
using Dray.Cli.Output;

namespace Dray.Cli.Commands;

/// <summary><c>dray config view | get-project | set-project NAME</c>.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("config", "Show or change the CLI configuration") { View(ctx), GetProject(ctx), SetProject(ctx) };
        return command;
    }

    private static Command View(CliContext ctx)
    {
        var command = new Command("view", "Show the configuration (the token is never shown)");
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var store = ConfigStore.For(ctx);
            var config = await store.LoadAsync(ct).ConfigureAwait(false);
            var view = new JsonObject
            {
                ["configFile"] = store.Path,
                ["server"] = config.Server,
                ["project"] = config.Project,
                ["token"] = config.Token is null ? null : "REDACTED",
            };
            YamlWriter.Write(view, ctx.Out);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command GetProject(CliContext ctx)
    {
        var command = new Command("get-project", "Show the default project");
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var config = await ConfigStore.For(ctx).LoadAsync(ct).ConfigureAwait(false);
            if (config.Project is null)
            {
                throw new CliException("no default project; run 'dray config set-project NAME'");
            }

            await ctx.Out.WriteLineAsync(config.Project).ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command SetProject(CliContext ctx)
    {
        var name = new Argument<string>("NAME") { Description = "The project used when --project is not given" };
        var command = new Command("set-project", "Set the default project") { name };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var store = ConfigStore.For(ctx);
            var config = await store.LoadAsync(ct).ConfigureAwait(false);
            var project = parseResult.GetRequiredValue(name);
            await store.SaveAsync(config with { Project = project }, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Default project set to {project}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
