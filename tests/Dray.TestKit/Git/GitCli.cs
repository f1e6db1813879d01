using System.Text;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Git;

/// <summary>Runs the git CLI isolated from the machine's and the user's git config, never prompting.</summary>
public static class GitCli
{
    /// <summary>The environment every test git command gets: no global/system config, no prompts, a fixed identity.</summary>
    public static IReadOnlyDictionary<string, string?> IsolatedEnvironment { get; } = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_ASKPASS"] = null,
        ["SSH_ASKPASS"] = null,
        ["GIT_AUTHOR_NAME"] = "Dray Test",
        ["GIT_AUTHOR_EMAIL"] = "test@dray.invalid",
        ["GIT_COMMITTER_NAME"] = "Dray Test",
        ["GIT_COMMITTER_EMAIL"] = "test@dray.invalid",
    };

    /// <summary>
    /// Environment that makes git send HTTP Basic credentials as an <c>http.extraHeader</c> config entry passed through
    /// <c>GIT_CONFIG_COUNT</c>: the secret stays out of URLs, argv and config files.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> BasicAuthEnvironment(string username, string password)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        return new Dictionary<string, string?>
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "http.extraHeader",
            ["GIT_CONFIG_VALUE_0"] = $"Authorization: Basic {token}",
        };
    }

    public static string Binary => HostBinary.Find("git", "git");

    /// <summary>Runs git in <paramref name="workDir"/>; <paramref name="environment"/> adds to the isolated environment.</summary>
    public static Task<ProcessResult> RunAsync(
        string workDir,
        IReadOnlyDictionary<string, string?>? environment,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Binary, arguments, Options(workDir, environment), cancellationToken);

    /// <exception cref="ProcessFailedException">git exited non-zero.</exception>
    public static Task<ProcessResult> RunCheckedAsync(
        string workDir,
        IReadOnlyDictionary<string, string?>? environment,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken) =>
        ProcessRunner.RunCheckedAsync(Binary, arguments, Options(workDir, environment), cancellationToken);

    /// <summary>The trimmed standard output of a successful git command.</summary>
    public static async Task<string> OutputAsync(
        string workDir, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        (await RunCheckedAsync(workDir, null, arguments, cancellationToken)).StandardOutput.Trim();

    private static ProcessOptions Options(string workDir, IReadOnlyDictionary<string, string?>? environment)
    {
        var env = new Dictionary<string, string?>(IsolatedEnvironment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return new ProcessOptions { WorkingDirectory = workDir, Environment = env };
    }
}
