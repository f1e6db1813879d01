using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Cli.Output;
using Dray.Client;
using Dray.Core.Resources;

namespace Dray.Cli.Commands;

/// <summary><c>dray get KIND [NAME...] [-o table|wide|json|yaml|name]</c>.</summary>
internal static class GetCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var kindArg = new Argument<string>("KIND")
        {
            Description = "projects, warehouses, stages, freight, promotions, promotiontasks, clusterpromotiontasks, "
                + "analysistemplates, analysisruns, projectconfigs or secrets (singular and short names work too)",
        };
        var names = new Argument<string[]>("NAME") { Description = "Only these resources", Arity = ArgumentArity.ZeroOrMore };
        var project = GlobalOptions.Project();
        var output = new Option<string>("--output", "-o") { Description = "table, wide, json, yaml or name", DefaultValueFactory = _ => OutputFormat.Table };
        output.AcceptOnlyFromAmong(OutputFormat.All);
        var noHeaders = new Option<bool>("--no-headers") { Description = "Omit the table header" };
        var stage = new Option<string?>("--stage") { Description = "With freight: every Freight judged for this Stage (available or why not)" };
        var command = new Command("get", "Show resources") { kindArg, names, project, output, noHeaders, stage };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var kind = ResolveKind(parseResult.GetRequiredValue(kindArg));
            var connection = new Connection(ctx, global, parseResult);
            var projectName = kind.Namespaced ? await connection.RequireProjectAsync(project, ct).ConfigureAwait(false) : null;
            var wanted = parseResult.GetValue(names) ?? [];
            var format = parseResult.GetValue(output) ?? OutputFormat.Table;
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            if (parseResult.GetValue(stage) is { Length: > 0 } stageName)
            {
                if (kind != ResourceKinds.Freight)
                {
                    throw new CliException("--stage goes with freight only", ExitCodes.Usage);
                }

                var items = await client.ListStageFreightAsync(projectName!, stageName, ct).ConfigureAwait(false);
                StageFreightPrinter.Print(ctx.Out, items, format, parseResult.GetValue(noHeaders));
                return ExitCodes.Success;
            }

            var documents = new List<ResourceDocument>();
            var exit = ExitCodes.Success;
            if (wanted.Length == 0)
            {
                await foreach (var d in client.ListAllAsync(kind, projectName, ct).ConfigureAwait(false))
                {
                    documents.Add(d);
                }
            }
            else
            {
                foreach (var name in wanted)
                {
                    try
                    {
                        documents.Add(await client.GetAsync(kind, projectName, name, ct).ConfigureAwait(false));
                    }
                    catch (DrayApiException ex)
                    {
                        await CommandRunner.WriteApiErrorAsync(ctx.Error, ex).ConfigureAwait(false);
                        exit = ExitCodes.Error;
                    }
                }
            }

            if (documents.Count == 0 && format is OutputFormat.Table or OutputFormat.Wide)
            {
                if (wanted.Length == 0)
                {
                    await ctx.Error.WriteLineAsync(projectName is null ? "No resources found." : $"No resources found in project {projectName}.").ConfigureAwait(false);
                }

                return exit;
            }

            if (documents.Count > 0 || wanted.Length == 0)
            {
                ResourcePrinter.Print(ctx.Out, kind, documents, format, parseResult.GetValue(noHeaders), single: wanted.Length == 1, ctx.Time.GetUtcNow());
            }

            return exit;
        }, ct));
        return command;
    }

    public static ResourceKind ResolveKind(string name) =>
        ResourceKinds.Find(name)
        ?? throw new CliException(
            $"unknown resource type \"{name}\"; known: {string.Join(", ", ResourceKinds.All.Select(k => k.Plural))}", ExitCodes.Usage);
}
