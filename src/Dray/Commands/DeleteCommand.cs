using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Cli.Output;
using Dray.Client;
using Dray.Core.Resources;

namespace Dray.Cli.Commands;

/// <summary><c>dray delete -f FILE</c> or <c>dray delete KIND NAME...</c>.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var files = GlobalOptions.Files("Delete what these manifests name (file, directory or -; repeatable)");
        var project = GlobalOptions.Project();
        var target = new Argument<string[]>("KIND NAME") { Description = "A kind and one or more names", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("delete", "Delete resources by manifest or by kind and name") { target, files, project };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var paths = parseResult.GetValue(files) ?? [];
            var args = parseResult.GetValue(target) ?? [];
            var connection = new Connection(ctx, global, parseResult);
            if (paths.Length > 0)
            {
                if (args.Length > 0)
                {
                    throw new CliException("give either -f or KIND NAME..., not both", ExitCodes.Usage);
                }

                var manifests = await ManifestFiles.ReadAsync(ctx, paths, ct).ConfigureAwait(false);
                using var fileClient = await connection.OpenAsync(ct).ConfigureAwait(false);
                var result = await fileClient.DeleteAsync(manifests, parseResult.GetValue(project), ct).ConfigureAwait(false);
                foreach (var r in result.Results)
                {
                    var action = r.Action == "notfound" ? "not found" : r.Action;
                    await ctx.Out.WriteLineAsync($"{ResourcePrinter.QualifiedName(r.Kind, r.Name)} {action}").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            if (args.Length < 2)
            {
                throw new CliException("give -f FILE, or a kind and at least one name (dray delete stage NAME)", ExitCodes.Usage);
            }

            var kind = GetCommand.ResolveKind(args[0]);
            var projectName = kind.Namespaced ? await connection.RequireProjectAsync(project, ct).ConfigureAwait(false) : null;
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var exit = ExitCodes.Success;
            foreach (var name in args.Skip(1))
            {
                try
                {
                    await client.DeleteResourceAsync(kind, projectName, name, ct).ConfigureAwait(false);
                    await ctx.Out.WriteLineAsync($"{ResourcePrinter.QualifiedName(kind, name)} deleted").ConfigureAwait(false);
                }
                catch (DrayApiException ex)
                {
                    await CommandRunner.WriteApiErrorAsync(ctx.Error, ex).ConfigureAwait(false);
                    exit = ExitCodes.Error;
                }
            }

            return exit;
        }, ct));
        return command;
    }
}
