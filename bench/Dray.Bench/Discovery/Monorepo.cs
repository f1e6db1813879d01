using System.Globalization;
using System.Text;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Bench.Discovery;

/// <summary>
/// A bare repository on the git test server filled by <c>git fast-import</c>: commit i touches
/// <c>services/svc{i % 100}/deploy.yaml</c>, except the one <see cref="DeepDistance"/> commits below HEAD, which touches
/// <c>deep/marker.yaml</c> (the only commit that does).
/// </summary>
internal sealed class Monorepo
{
    public const int DeepDistance = 1000;
    private static readonly long Start = DateTimeOffset.Parse("2024-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeSeconds();
    private readonly string _path;
    private int _next;

    private Monorepo(string path, string url)
    {
        _path = path;
        Url = url;
    }

    public string Url { get; }

    public static async Task<Monorepo> CreateAsync(GitHttpServer server, string name, int commits, CancellationToken cancellationToken)
    {
        var url = await server.CreateBareRepoAsync(name, cancellationToken);
        var repo = new Monorepo(server.RepoPath(name), url);
        var deep = commits - 1 - DeepDistance;
        await repo.ImportAsync(commits, i => i == deep ? "deep/marker.yaml" : $"services/svc{i % 100}/deploy.yaml", cancellationToken);
        return repo;
    }

    /// <summary>Adds one commit on main touching <paramref name="path"/> (what a push does, without the push's own cost).</summary>
    public Task AddCommitAsync(string path, CancellationToken cancellationToken) => ImportAsync(1, _ => path, cancellationToken);

    public Task<string> HeadAsync(CancellationToken cancellationToken) => GitCli.OutputAsync(_path, ["rev-parse", "refs/heads/main"], cancellationToken);

    private async Task ImportAsync(int count, Func<int, string> pathFor, CancellationToken cancellationToken)
    {
        var stream = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var n = _next++;
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\n")
                .Append(CultureInfo.InvariantCulture, $"committer Bulk <bulk@dray.invalid> {Start + n} +0000\n")
                .Append(CultureInfo.InvariantCulture, $"data <<EOM\nbulk {n}\nEOM\n");
            if (i == 0 && n > 0)
            {
                stream.Append("from refs/heads/main^0\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {pathFor(i)}\ndata <<EOD\n{n}\nEOD\n\n");
        }

        var options = new ProcessOptions { WorkingDirectory = _path, Environment = GitCli.IsolatedEnvironment, StandardInput = stream.ToString() };
        await ProcessRunner.RunCheckedAsync(GitCli.Binary, ["fast-import", "--quiet"], options, cancellationToken);
    }
}
