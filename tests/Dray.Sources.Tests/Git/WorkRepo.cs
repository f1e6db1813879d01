using System.Globalization;
using System.Text;
using Dray.TestKit.Git;
using Dray.TestKit.Infrastructure;

namespace Dray.Sources.Tests.Git;

/// <summary>A local working repository whose commits and tags are pushed to a <see cref="GitHttpServer"/> repository.</summary>
internal sealed class WorkRepo : IDisposable
{
    private readonly TempDirectory dir = new("dray-work-");
    private readonly GitHttpServer server;
    private int clock;

    private WorkRepo(GitHttpServer server, string url)
    {
        this.server = server;
        Url = url;
    }

    public string Url { get; }

    public string Path => dir.Path;

    public static async Task<WorkRepo> CreateAsync(GitHttpServer server, string name, string branch = "main")
    {
        var url = await server.CreateBareRepoAsync(name);
        var repo = new WorkRepo(server, url);
        await repo.GitAsync(["init", "--quiet", $"--initial-branch={branch}"]);
        return repo;
    }

    /// <summary>Writes the files and commits them; each commit is one minute after the previous one. Returns the id.</summary>
    public Task<string> CommitAsync(string message, params string[] paths) => CommitByAsync(null, message, paths);

    /// <summary>As <see cref="CommitAsync"/>, with <paramref name="author"/> (name, email) as author and committer.</summary>
    public async Task<string> CommitByAsync((string Name, string Email)? author, string message, params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = System.IO.Path.Combine(Path, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.AppendAllTextAsync(full, $"{message}\n");
        }

        await GitAsync(["add", "--all"]);
        await GitAsync(["commit", "--quiet", "--allow-empty", "-m", message], NextDate(author));
        return await GitCli.OutputAsync(Path, ["rev-parse", "HEAD"], CancellationToken.None);
    }

    /// <summary>Tags HEAD; an annotated tag's message is <paramref name="message"/> or "release {name}".</summary>
    public async Task TagAsync(string name, bool annotated = false, string? message = null, (string Name, string Email)? tagger = null)
    {
        var date = NextDate(tagger);
        await GitAsync(annotated ? ["tag", "-a", "-m", message ?? $"release {name}", name] : ["tag", name], date);
    }

    public Task CheckoutNewBranchAsync(string branch) => GitAsync(["checkout", "--quiet", "-b", branch]);

    public Task PushAsync() => GitCli.RunCheckedAsync(Path, server.Credentials, ["push", "--quiet", "--all", Url], CancellationToken.None)
        .ContinueWith(t => GitCli.RunCheckedAsync(Path, server.Credentials, ["push", "--quiet", "--tags", Url], CancellationToken.None), TaskScheduler.Default)
        .Unwrap();

    /// <summary>Appends <paramref name="count"/> commits in one <c>git fast-import</c>; commit i touches <paramref name="pathFor"/>(i).</summary>
    public async Task FastImportAsync(string branch, int count, Func<int, string> pathFor)
    {
        var parent = await GitCli.OutputAsync(Path, ["rev-parse", "HEAD"], CancellationToken.None);
        var stream = new StringBuilder();
        var start = DateTimeOffset.Parse("2024-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeSeconds() + (clock * 60);
        for (var i = 0; i < count; i++)
        {
            var path = pathFor(i);
            var when = start + i;
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\n")
                .Append(CultureInfo.InvariantCulture, $"committer Bulk <bulk@dray.invalid> {when} +0000\n")
                .Append(CultureInfo.InvariantCulture, $"data <<EOM\nbulk {i}\nEOM\n");
            if (i == 0)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from {parent}\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\ndata <<EOD\n{i}\nEOD\n\n");
        }

        clock += (count / 60) + 1;
        var options = new ProcessOptions
        {
            WorkingDirectory = Path,
            Environment = GitCli.IsolatedEnvironment,
            StandardInput = stream.ToString(),
        };
        await ProcessRunner.RunCheckedAsync(GitCli.Binary, ["fast-import", "--quiet"], options, CancellationToken.None);
        await GitAsync(["reset", "--quiet", "--hard", branch]);
    }

    public void Dispose() => dir.Dispose();

    private Dictionary<string, string?> NextDate((string Name, string Email)? identity = null)
    {
        var date = DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture).AddMinutes(clock++)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string?> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date };
        if (identity is { } who)
        {
            environment["GIT_AUTHOR_NAME"] = environment["GIT_COMMITTER_NAME"] = who.Name;
            environment["GIT_AUTHOR_EMAIL"] = environment["GIT_COMMITTER_EMAIL"] = who.Email;
        }

        return environment;
    }

    private Task GitAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        GitCli.RunCheckedAsync(Path, environment, arguments, CancellationToken.None);
}
