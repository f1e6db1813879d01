using Dray.Core.Steps;

namespace Dray.Steps.Files;

/// <summary><c>copy</c>: copies a file, or a directory's contents, inside the work directory.</summary>
public sealed class CopyStep : PromotionStep<CopyConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, CopyConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var work = context.WorkDirectory;
        var source = work.Resolve(config.InPath);
        var target = work.Resolve(config.OutPath);
        if (File.Exists(source))
        {
            await CopyFileAsync(source, target, ct);
            return StepResult.Succeeded();
        }

        if (!Directory.Exists(source))
        {
            return StepResult.Errored($"\"{config.InPath}\" does not exist");
        }

        var ignore = new IgnoreRules(config.Ignore);
        Directory.CreateDirectory(target);
        await CopyDirectoryAsync(work, source, source, target, ignore, ct);
        return StepResult.Succeeded();
    }

    private static async Task CopyDirectoryAsync(
        WorkDirectory work, string root, string directory, string target, IgnoreRules ignore, CancellationToken ct)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            // Links are followed only where they stay inside the work directory.
            var resolved = work.Resolve(entry.FullName);
            var isDirectory = Directory.Exists(resolved);
            if (ignore.IsIgnored(relative, isDirectory))
            {
                continue;
            }

            var destination = Path.Join(target, entry.Name);
            if (isDirectory)
            {
                Directory.CreateDirectory(destination);
                await CopyDirectoryAsync(work, root, entry.FullName, destination, ignore, ct);
            }
            else
            {
                await CopyFileAsync(resolved, destination, ct);
            }
        }
    }

    private static async Task CopyFileAsync(string source, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var input = File.OpenRead(source);
        await using var output = File.Create(destination);
        await input.CopyToAsync(output, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }
}
