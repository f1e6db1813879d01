using System.Text.Json;
using Dray.Cli.Infrastructure;

namespace Dray.Cli.Config;

/// <summary>Reads and writes the CLI config file. It holds a bearer token, so it is created readable by its owner only.</summary>
internal sealed class ConfigStore(string path)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = path;

    /// <summary><c>$DRAY_CONFIG</c>, else <c>$XDG_CONFIG_HOME/dray/config.json</c>, else <c>~/.config/dray/config.json</c>.</summary>
    public static ConfigStore For(CliContext ctx)
    {
        if (ctx.GetEnvironment("DRAY_CONFIG") is { Length: > 0 } explicitPath)
        {
            return new ConfigStore(explicitPath);
        }

        var configHome = ctx.GetEnvironment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(ctx.HomeDirectory, ".config");
        return new ConfigStore(System.IO.Path.Combine(configHome, "dray", "config.json"));
    }

    public async Task<CliConfig> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            return CliConfig.Empty;
        }

        var text = await File.ReadAllTextAsync(Path, ct).ConfigureAwait(false);
        try
        {
            return text.Trim().Length == 0 ? CliConfig.Empty : JsonSerializer.Deserialize(text, CliJsonContext.Default.CliConfig) ?? CliConfig.Empty;
        }
        catch (JsonException ex)
        {
            throw new CliException($"the config file {Path} is not valid JSON ({ex.Message}); fix or delete it");
        }
    }

    public async Task SaveAsync(CliConfig config, CancellationToken ct)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write a private temp file and rename it, so the token is never briefly world-readable and a crash
        // never leaves half a config behind.
        var temp = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        var stream = new FileStream(temp, options);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, config, CliJsonContext.Default.CliConfig, ct).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, OwnerOnly);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
