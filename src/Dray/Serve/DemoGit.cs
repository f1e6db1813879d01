using System.Diagnostics;

namespace Dray.Cli.Serve;

/// <summary>
/// Runs the <c>git</c> CLI for the demo repositories, with a fixed identity and the user's global and system config
/// ignored, so that signing hooks or templates on the machine cannot break the quickstart.
/// </summary>
internal static class DemoGit
{
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_AUTHOR_NAME"] = "Dray demo",
            ["GIT_AUTHOR_EMAIL"] = "demo@dray.invalid",
            ["GIT_COMMITTER_NAME"] = "Dray demo",
            ["GIT_COMMITTER_EMAIL"] = "demo@dray.invalid",
        })
        {
            start.Environment[key] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}");
        }

        return output;
    }
}
