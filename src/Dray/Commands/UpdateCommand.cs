using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Client;

namespace Dray.Cli.Commands;

/// <summary><c>dray update freight (--name X | --old-alias A) --new-alias Y --project P</c>.</summary>
internal static class UpdateCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var name = new Option<string?>("--name") { Description = "The Freight's name" };
        var oldAlias = new Option<string?>("--old-alias") { Description = "The Freight's current alias" };
        var newAlias = new Option<string>("--new-alias") { Description = "The alias to give it", Required = true };
        var project = GlobalOptions.Project();
        var freight = new Command("freight", "Change a Freight's alias") { name, oldAlias, newAlias, project };
        freight.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var target = ExactlyOne(parseResult.GetValue(name), parseResult.GetValue(oldAlias), "--name", "--old-alias");
            var connection = new Connection(ctx, global, parseResult);
            var projectName = await connection.RequireProjectAsync(project, ct).ConfigureAwait(false);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var updated = await client.UpdateFreightAliasAsync(projectName, target, parseResult.GetRequiredValue(newAlias), ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"freight/{updated.Name} updated").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return new Command("update", "Change a resource") { freight };
    }

    /// <summary>The one of two mutually exclusive option values that was given.</summary>
    public static string ExactlyOne(string? first, string? second, string firstName, string secondName) =>
        (string.IsNullOrEmpty(first), string.IsNullOrEmpty(second)) switch
        {
            (false, true) => first!,
            (true, false) => second!,
            _ => throw new CliException($"give exactly one of {firstName} and {secondName}", ExitCodes.Usage),
        };
}
