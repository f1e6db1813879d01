using System.Diagnostics;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Bench.Stages;

/// <summary>
/// The physical floor of webhook → Freight: what discovery must do at least to see a pushed commit, a
/// <c>git ls-remote</c> and a <c>git fetch</c> into a warm bare mirror, with the same git binary, server and
/// credentials (an <c>http.extraHeader</c> from the environment) as Dray.
/// </summary>
internal sealed class FetchFloor
{
    private const string Script = """
        set -euo pipefail
        git ls-remote "$1" refs/heads/main > /dev/null
        git fetch --quiet "$1" +refs/heads/main:refs/heads/main
        """;

    private readonly string _url;
    private readonly string _mirror;
    private readonly Dictionary<string, string?> _environment;

    private FetchFloor(string url, string mirror, Dictionary<string, string?> environment)
    {
        _url = url;
        _mirror = mirror;
        _environment = environment;
    }

    public static async Task<FetchFloor> CloneAsync(GitHttpServer git, string url, string mirror, CancellationToken ct)
    {
        var env = new Dictionary<string, string?>(GitCli.IsolatedEnvironment);
        foreach (var (name, value) in git.Credentials)
        {
            env[name] = value;
        }

        await ProcessRunner.RunCheckedAsync(GitCli.Binary, ["clone", "--quiet", "--bare", url, mirror], new ProcessOptions { Environment = env }, ct);
        return new FetchFloor(url, mirror, env);
    }

    /// <summary>One ls-remote + fetch; its wall time in milliseconds.</summary>
    public async Task<double> RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessRunner.RunCheckedAsync("bash", ["-c", Script, "floor", _url], new ProcessOptions { WorkingDirectory = _mirror, Environment = _environment }, ct);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
