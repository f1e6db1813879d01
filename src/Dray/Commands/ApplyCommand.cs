using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Cli.Output;
using Dray.Client;
using Dray.Client.Models;

namespace Dray.Cli.Commands;

/// <summary><c>dray apply -f FILE|DIR|- [-f ...]</c>: every file goes in one request, so the apply is all or nothing.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var files = GlobalOptions.Files("A manifest file, a directory of manifests, or - for standard input (repeatable)");
        files.Required = true;
        var project = GlobalOptions.Project();
        project.Description = "The project of documents that name none";
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate only; change nothing" };
        var command = new Command("apply", "Create or update resources from manifests, all or nothing") { files, project, dryRun };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var connection = new Connection(ctx, global, parseResult);
            var manifests = await ManifestFiles.ReadAsync(ctx, parseResult.GetValue(files) ?? [], ct).ConfigureAwait(false);
            using var client = await connection.OpenAsync(ct).ConfigureAwait(false);
            var result = await client.ApplyAsync(manifests, parseResult.GetValue(dryRun), parseResult.GetValue(project), ct).ConfigureAwait(false);
            await PrintAsync(ctx, result, parseResult.GetValue(dryRun)).ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    public static async Task PrintAsync(CliContext ctx, ApplyResult result, bool dryRun)
    {
        foreach (var warning in result.Warnings ?? [])
        {
            await ctx.Error.WriteLineAsync($"Warning: {warning}").ConfigureAwait(false);
        }

        var suffix = dryRun ? " (dry run)" : "";
        foreach (var r in result.Results)
        {
            await ctx.Out.WriteLineAsync($"{ResourcePrinter.QualifiedName(r.Kind, r.Name)} {r.Action}{suffix}").ConfigureAwait(false);
        }
    }

    /// <summary>Create-only apply: a dry run first, then the real apply only when every document would be new.</summary>
    public static async Task<int> CreateAsync(CliContext ctx, DrayClient client, IReadOnlyList<ManifestFile> manifests, string? project, CancellationToken ct)
    {
        var check = await client.ApplyAsync(manifests, dryRun: true, project, ct).ConfigureAwait(false);
        var existing = check.Results.Where(r => r.Action != "created").ToList();
        if (existing.Count > 0)
        {
            foreach (var r in existing)
            {
                await ctx.Error.WriteLineAsync($"Error: {ResourcePrinter.QualifiedName(r.Kind, r.Name)} already exists").ConfigureAwait(false);
            }

            return ExitCodes.Error;
        }

        var result = await client.ApplyAsync(manifests, dryRun: false, project, ct).ConfigureAwait(false);
        await PrintAsync(ctx, result, dryRun: false).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
