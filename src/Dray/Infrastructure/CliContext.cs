namespace Dray.Cli.Infrastructure;

/// <summary>Everything a command touches outside itself, so tests can run the whole CLI in-process.</summary>
/// <param name="GetEnvironment">Reads an environment variable; only the host supplies the real one.</param>
/// <param name="InputIsTerminal">True when standard input is an interactive terminal (password prompts).</param>
/// <param name="HomeDirectory">The user's home, for the default config path.</param>
/// <param name="WorkingDirectory">Where relative <c>-f</c> paths are resolved.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    bool InputIsTerminal,
    Func<string, string?> GetEnvironment,
    string HomeDirectory,
    string WorkingDirectory,
    TimeProvider Time);
