using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Steps;
using Dray.Sources.Git;

namespace Dray.Steps.Git;

/// <summary>
/// What the git steps share: the per-repository mirrors, credentials from the project's git Secrets (handed to git
/// through the environment only), and the worktree bookkeeping left by <c>git-clone</c>.
/// </summary>
public sealed class GitStepSupport(GitMirrorManager mirrors, GitStepOptions options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _worktreeLocks = new(StringComparer.Ordinal);

    public GitStepOptions Options { get; } = options;

    internal GitMirrorManager Mirrors { get; } = mirrors;

    internal static async ValueTask<GitCredential?> CredentialAsync(StepContext context, string repoUrl, CancellationToken ct)
    {
        var secret = await context.Secrets.FindCredentialsAsync(CredentialType.Git, repoUrl, ct);
        string? username = null;
        string? password = null;
        secret?.TryGetValue("username", out username);
        secret?.TryGetValue("password", out password);

        // The same rule as discovery, so that both share one mirror per repository and credential.
        return username is { Length: > 0 } ? new GitCredential(username, password ?? "") : null;
    }

    /// <summary>
    /// Serialises changes to a mirror's worktree list: git does not guard <c>worktree add</c>/<c>prune</c> against each
    /// other (one reads the half-written bookkeeping of another and dies).
    /// </summary>
    internal async Task<IDisposable> LockWorktreesAsync(string mirrorPath, CancellationToken ct)
    {
        var gate = _worktreeLocks.GetOrAdd(mirrorPath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    internal Task<string> RunAsync(
        IEnumerable<string> arguments,
        GitCredential? credential,
        bool insecureSkipTlsVerify,
        string workDir,
        string repoUrl,
        IReadOnlyDictionary<string, string?>? environment,
        CancellationToken ct)
    {
        var command = GitCommand.Create(arguments, credential, insecureSkipTlsVerify);
        var env = new Dictionary<string, string?>(command.Environment, StringComparer.Ordinal)
        {
            // The host's and user's git config must not change what a promotion commits (hooks, signing, identity).
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return Mirrors.Runner.RunAsync(command with { Environment = env }, workDir, repoUrl, ct);
    }

    /// <summary>The worktree at <paramref name="path"/> made by <c>git-clone</c> in this promotion.</summary>
    /// <exception cref="StepException">Terminal when the path is not such a worktree.</exception>
    internal async ValueTask<GitWorktree> OpenAsync(StepContext context, string path, CancellationToken ct)
    {
        var full = context.WorkDirectory.Resolve(path);
        var gitDir = GitDirOf(full)
            ?? throw new StepException($"\"{path}\" is not a working tree made by git-clone", terminal: true);
        var stateFile = System.IO.Path.Join(gitDir, GitWorktreeState.FileName);
        if (!File.Exists(stateFile))
        {
            throw new StepException($"\"{path}\" is not a working tree made by git-clone", terminal: true);
        }

        GitWorktreeState? state;
        await using (var stream = File.OpenRead(stateFile))
        {
            state = await JsonSerializer.DeserializeAsync<GitWorktreeState>(stream, cancellationToken: ct);
        }

        if (state is null)
        {
            throw new StepException($"\"{path}\": the checkout record is unreadable; run git-clone again", terminal: true);
        }

        var worktree = new GitWorktree(this, full, gitDir, state, await CredentialAsync(context, state.RepoURL, ct));
        await RecoverAsync(worktree, ct);
        return worktree;
    }

    /// <summary>
    /// Clears what a killed git process left behind in this worktree. Only this promotion's steps use it, one at a
    /// time, so a lock or a rebase in progress at the start of a step is always a leftover of a crash.
    /// </summary>
    private static async Task RecoverAsync(GitWorktree worktree, CancellationToken ct)
    {
        File.Delete(System.IO.Path.Join(worktree.GitDir, "index.lock"));
        File.Delete(System.IO.Path.Join(worktree.GitDir, "HEAD.lock"));
        if (Directory.Exists(System.IO.Path.Join(worktree.GitDir, "rebase-merge")) || Directory.Exists(System.IO.Path.Join(worktree.GitDir, "rebase-apply")))
        {
            await worktree.RunAsync(["rebase", "--abort"], ct);
        }
    }

    internal static async Task SaveStateAsync(string gitDir, GitWorktreeState state, CancellationToken ct)
    {
        var file = System.IO.Path.Join(gitDir, GitWorktreeState.FileName);
        await File.WriteAllTextAsync(file + ".tmp", JsonSerializer.Serialize(state), ct);
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>The private git directory named by a worktree's <c>.git</c> file, or null.</summary>
    internal static string? GitDirOf(string worktree)
    {
        var dotGit = System.IO.Path.Join(worktree, ".git");
        if (!File.Exists(dotGit))
        {
            return null;
        }

        var line = File.ReadAllText(dotGit).Trim();
        const string prefix = "gitdir: ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dir = System.IO.Path.GetFullPath(line[prefix.Length..], worktree);
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>Author and committer identity, and dates from the promotion's clock.</summary>
    internal Dictionary<string, string?> Identity(GitAuthorConfig? author, GitWorktreeState state, TimeProvider time)
    {
        var name = author?.Name ?? state.AuthorName ?? Options.DefaultAuthorName;
        var email = author?.Email ?? state.AuthorEmail ?? Options.DefaultAuthorEmail;
        var date = "@" + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = name,
            ["GIT_AUTHOR_EMAIL"] = email,
            ["GIT_COMMITTER_NAME"] = name,
            ["GIT_COMMITTER_EMAIL"] = email,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
