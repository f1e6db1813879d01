using Dray.Cli;
using Dray.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real CLI entry point in-process with its own temp home, config file, environment and clock.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory.CreateDirectory(Home);
        Environment["DRAY_CONFIG"] = ConfigPath;
    }

    public string Home { get; } = Path.Combine(Path.GetTempPath(), "dray-cli-" + Guid.NewGuid().ToString("N"));

    public string ConfigPath => Path.Combine(Home, "cfg", "config.json");

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 30, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The clock the CLI runs on; <see cref="Time"/> unless a test that waits on a live server sets the system clock.</summary>
    public TimeProvider? Clock { get; set; }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var ctx = new CliContext(output, error, input, false, n => Environment.GetValueOrDefault(n), Home, Home, Clock ?? Time);
        var exit = await DrayApp.RunAsync(args, ctx);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
