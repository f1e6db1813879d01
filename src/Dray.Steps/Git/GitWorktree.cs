using Dray.Sources.Git;

namespace Dray.Steps.Git;

/// <summary>A working tree made by <c>git-clone</c>, with what is needed to run git in it.</summary>
internal sealed class GitWorktree(GitStepSupport support, string path, string gitDir, GitWorktreeState state, GitCredential? credential)
{
    /// <summary>Per-worktree ref (refs/worktree/ is never shared) holding the remote branch as last fetched.</summary>
    public const string RemoteRef = "refs/worktree/dray/remote";

    public string Path { get; } = path;

    /// <summary>The worktree's private directory inside the mirror.</summary>
    public string GitDir { get; } = gitDir;

    public GitWorktreeState State { get; } = state;

    public GitCredential? Credential { get; } = credential;

    /// <summary>
    /// Runs a git command in the worktree. It carries the credential too (in the environment): in a blobless mirror
    /// even local commands may fetch missing blobs from the remote.
    /// </summary>
    public Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken ct, IReadOnlyDictionary<string, string?>? environment = null) =>
        support.RunAsync(arguments, Credential, State.InsecureSkipTLSVerify, Path, State.RepoURL, environment, ct);

    /// <summary>Runs a git command that talks to the remote, authenticated through the environment.</summary>
    public Task<string> RunRemoteAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        support.RunAsync(arguments, Credential, State.InsecureSkipTLSVerify, Path, State.RepoURL, null, ct);

    public async Task<string> HeadAsync(CancellationToken ct) => (await RunAsync(["rev-parse", "HEAD"], ct)).Trim();
}
