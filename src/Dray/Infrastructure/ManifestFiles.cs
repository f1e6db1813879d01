using Dray.Client.Models;

namespace Dray.Cli.Infrastructure;

/// <summary>Expands <c>-f</c> arguments: <c>-</c> is standard input, a directory means every *.yaml, *.yml and
/// *.json below it in ordinal path order, so the same tree always applies in the same order.</summary>
internal static class ManifestFiles
{
    public const string StdinName = "<stdin>";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static async Task<IReadOnlyList<ManifestFile>> ReadAsync(CliContext ctx, IReadOnlyList<string> paths, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            throw new CliException("no manifests given; pass -f FILE, -f DIR or -f -", ExitCodes.Usage);
        }

        var files = new List<ManifestFile>();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (stdinRead)
                {
                    throw new CliException("standard input (-f -) can be given only once", ExitCodes.Usage);
                }

                stdinRead = true;
                files.Add(new ManifestFile(StdinName, await ctx.In.ReadToEndAsync(ct).ConfigureAwait(false)));
                continue;
            }

            var full = Path.GetFullPath(path, ctx.WorkingDirectory);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new CliException($"no *.yaml, *.yml or *.json files in directory {path}");
                }

                foreach (var f in found)
                {
                    // Name each file as the user would write it: the given directory plus the relative path.
                    var shown = Path.Join(path, Path.GetRelativePath(full, f));
                    files.Add(new ManifestFile(shown, await File.ReadAllTextAsync(f, ct).ConfigureAwait(false)));
                }
            }
            else if (File.Exists(full))
            {
                files.Add(new ManifestFile(path, await File.ReadAllTextAsync(full, ct).ConfigureAwait(false)));
            }
            else
            {
                throw new CliException($"the path \"{path}\" does not exist");
            }
        }

        return files;
    }
}
