using Dray.Core.Text;
using Dray.Core.Steps;

namespace Dray.Steps.Files;

/// <summary><c>delete</c>: removes files or directories inside the work directory.</summary>
public sealed class DeleteStep : PromotionStep<DeleteConfig>
{
    protected override ValueTask<StepResult> RunAsync(StepContext context, DeleteConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var work = context.WorkDirectory;
        var paths = config.Paths is { Count: > 0 } list ? list : [config.Path!];
        var targets = new List<string>();
        foreach (var path in paths)
        {
            var matches = config.PathsAreGlobs ? Glob(work, path) : Exists(work.Resolve(path)) ? [work.Resolve(path)] : [];
            if (matches.Count == 0 && config.Strict)
            {
                return ValueTask.FromResult(StepResult.Errored(config.PathsAreGlobs
                    ? $"no files match \"{path}\""
                    : $"\"{path}\" does not exist"));
            }

            targets.AddRange(matches);
        }

        // Deepest first, so a directory and something inside it can both be listed.
        foreach (var target in targets.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length))
        {
            ct.ThrowIfCancellationRequested();
            if (new FileInfo(target).LinkTarget is not null || File.Exists(target))
            {
                File.Delete(target);
            }
            else if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }

        return ValueTask.FromResult(StepResult.Succeeded());
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static List<string> Glob(WorkDirectory work, string pattern)
    {
        var normalized = pattern.Replace('\\', '/').TrimStart('/');
        var parts = normalized.Split('/');
        var fixedParts = parts.TakeWhile(p => !GlobPattern.HasMeta(p)).ToList();
        if (fixedParts.Count == parts.Length)
        {
            var single = work.Resolve(normalized);
            return Exists(single) ? [single] : [];
        }

        var baseDir = work.Resolve(fixedParts.Count == 0 ? "." : string.Join('/', fixedParts));
        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var regex = GlobPattern.ToRegex(normalized);
        return Directory.EnumerateFileSystemEntries(baseDir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(e => regex.IsMatch(work.Relative(e)))
            .Select(work.Resolve)
            .ToList();
    }
}
