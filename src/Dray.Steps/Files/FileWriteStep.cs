using Dray.Core.Steps;

namespace Dray.Steps.Files;

/// <summary><c>file-write</c>: writes a file with the given contents and mode.</summary>
public sealed class FileWriteStep : PromotionStep<FileWriteConfig>
{
    private const int DefaultMode = 0b110_000_000; // 0600

    protected override async ValueTask<StepResult> RunAsync(StepContext context, FileWriteConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var mode = config.Permissions is { } text ? Convert.ToInt32(text, 8) : DefaultMode;
        if ((mode & 0b001_001_001) != 0)
        {
            return StepResult.Failed($"invalid config: config.permissions: executable mode {config.Permissions} is not allowed", terminal: true);
        }

        if ((mode & 0b000_000_010) != 0)
        {
            return StepResult.Failed($"invalid config: config.permissions: world-writable mode {config.Permissions} is not allowed", terminal: true);
        }

        var target = context.WorkDirectory.Resolve(config.Path);
        var relative = context.WorkDirectory.Relative(target);
        if (relative.Split('/').Contains(".git", StringComparer.Ordinal))
        {
            return StepResult.Errored($"refusing to write \"{config.Path}\" inside a .git directory", terminal: true);
        }

        if (Directory.Exists(target))
        {
            return StepResult.Errored($"\"{config.Path}\" is a directory", terminal: true);
        }

        if (File.Exists(target) && !config.Overwrite)
        {
            return StepResult.Errored($"\"{config.Path}\" already exists and overwrite is false", terminal: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, config.Contents, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, (UnixFileMode)mode);
        }

        return StepResult.Succeeded();
    }
}
