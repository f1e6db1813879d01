using System.Diagnostics;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Bench.Git;

/// <summary>
/// The physical floor of a promotion: what a shell script must do at least to change one image tag, with the same
/// git binary, server and credentials (an <c>http.extraHeader</c> from the environment) as Dray.
/// </summary>
internal static class FloorScript
{
    public const string Script = """
        set -euo pipefail
        url="$1"; tag="$2"; dir="$3"
        git clone --quiet --depth 1 --single-branch --branch main "$url" "$dir"
        cd "$dir"
        sed -i "s/newTag: .*/newTag: $tag/" env/dev/kustomization.yaml
        git commit --quiet -am "floor: nginx $tag"
        git push --quiet origin HEAD:main
        """;

    /// <summary>Runs the script once in a fresh directory and returns its wall time in milliseconds.</summary>
    public static async Task<double> RunAsync(
        string url, string tag, IReadOnlyDictionary<string, string?> credentials, string scratch, CancellationToken ct)
    {
        var dir = Path.Combine(scratch, "floor-" + tag);
        var env = new Dictionary<string, string?>(GitCli.IsolatedEnvironment);
        foreach (var (name, value) in credentials)
        {
            env[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        await ProcessRunner.RunCheckedAsync(
            "bash", ["-c", Script, "floor", url, tag, dir], new ProcessOptions { WorkingDirectory = scratch, Environment = env }, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Directory.Delete(dir, recursive: true);
        return elapsed;
    }
}
