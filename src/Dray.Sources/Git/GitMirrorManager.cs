using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dray.Core.FreightIdentity;

namespace Dray.Sources.Git;

/// <summary>
/// One shared bare mirror per (normalized repository URL, credential) under <c>DATA/git-mirrors/</c>. A refresh costs
/// one <c>git ls-remote</c> and fetches only when a ref moved; concurrent callers of the same mirror share one refresh.
/// </summary>
public sealed class GitMirrorManager : IDisposable
{
    private readonly ConcurrentDictionary<string, MirrorSlot> slots = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lifetime = new();
    private readonly string root;
    private readonly bool allowFileUrls;
    private readonly TimeProvider time;
    private long clones;
    private long fetches;
    private long lsRemotes;

    public GitMirrorManager(GitMirrorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time = timeProvider ?? TimeProvider.System;
        root = Path.Combine(Path.GetFullPath(options.DataDirectory), "git-mirrors");
        allowFileUrls = options.AllowFileUrls;
        Runner = new GitRunner(options.GitBinary);
    }

    public GitOperationCounts Counts =>
        new(Interlocked.Read(ref clones), Interlocked.Read(ref fetches), Interlocked.Read(ref lsRemotes));

    internal GitRunner Runner { get; }

    public Task<GitMirror> EnsureFreshAsync(string repoUrl, GitCredential? credential, CancellationToken ct) =>
        EnsureFreshAsync(new GitMirrorRequest(repoUrl, credential), ct);

    /// <summary>
    /// Returns the mirror of <paramref name="request"/>'s remote with the remote's current refs, cloning it on first
    /// use. A caller arriving while a refresh of the same mirror runs waits for that refresh instead of starting one.
    /// </summary>
    /// <exception cref="GitException">The remote cannot be reached, refuses the credentials or does not exist.</exception>
    public async Task<GitMirror> EnsureFreshAsync(GitMirrorRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!allowFileUrls && request.RepoUrl.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new GitException(
                GitErrorKind.InvalidSubscription,
                $"{request.RepoUrl}: file:// repositories are disabled on this server (dray quickstart enables them)");
        }

        var key = MirrorKey(request);
        var slot = slots.GetOrAdd(key, k => new MirrorSlot(Path.Combine(root, Hash(k) + ".git")));
        while (true)
        {
            Task<GitMirror> refresh;
            var joinable = true;
            lock (slot.Gate)
            {
                var running = slot.InFlight is { IsCompleted: false };
                if (request.FreshAfter is { } after)
                {
                    if (!running && slot.FreshAsOf >= after && slot.Known is { } known && (request.Shallow || !IsShallow(slot.Path)))
                    {
                        return ToMirror(slot, request, known);
                    }

                    // A look that started before the caller's instant may have missed what it asks about.
                    joinable = !running || slot.InFlightStartedAt >= after;
                }

                if (!running)
                {
                    // The shared refresh must not die with the first caller's token: others may be waiting on it.
                    var startedAt = time.GetUtcNow();
                    slot.InFlight = RefreshAndRecordAsync(slot, request, startedAt, lifetime.Token);
                    slot.InFlightStartedAt = startedAt;
                }

                refresh = slot.InFlight!;
            }

            if (!joinable)
            {
                // Let the older look finish (whatever its outcome), then take or start a newer one.
                await ((Task)refresh).ContinueWith(static _ => { }, ct, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                continue;
            }

            var mirror = await refresh.WaitAsync(ct).ConfigureAwait(false);

            // Joined a shallow first clone but needs history: the next refresh deepens it.
            return !request.Shallow && IsShallow(slot.Path) ? await EnsureFreshAsync(request with { FreshAfter = null }, ct).ConfigureAwait(false) : mirror;
        }
    }

    /// <summary>
    /// Checks out <paramref name="commitOrBranch"/> into a new worktree at <paramref name="directory"/>, detached so
    /// that later mirror fetches can still move every branch.
    /// </summary>
    public async Task AddWorktreeAsync(GitMirror mirror, string commitOrBranch, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        var command = GitCommand.Create(
            ["worktree", "add", "--detach", "--quiet", "--", Path.GetFullPath(directory), commitOrBranch],
            mirror.Credential,
            mirror.InsecureSkipTlsVerify);
        await Runner.RunAsync(command, mirror.Path, mirror.RepoUrl, ct).ConfigureAwait(false);
    }

    /// <summary>Deletes a worktree made by <see cref="AddWorktreeAsync"/> and its bookkeeping in the mirror.</summary>
    public async Task RemoveWorktreeAsync(GitMirror mirror, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        var command = GitCommand.Create(["worktree", "remove", "--force", Path.GetFullPath(directory)], null, false);
        await Runner.RunAsync(command, mirror.Path, mirror.RepoUrl, ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }

    internal static string MirrorKey(GitMirrorRequest request)
    {
        var credential = request.Credential is null
            ? "anonymous"
            : Hash(request.Credential.Username + "\0" + request.Credential.Password);
        return GitUrl.Normalize(request.RepoUrl) + "\n" + credential;
    }

    private async Task<GitMirror> RefreshAndRecordAsync(MirrorSlot slot, GitMirrorRequest request, DateTimeOffset startedAt, CancellationToken ct)
    {
        var mirror = await RefreshAsync(slot, request, ct).ConfigureAwait(false);
        lock (slot.Gate)
        {
            slot.FreshAsOf = startedAt;
        }

        return mirror;
    }

    private async Task<GitMirror> RefreshAsync(MirrorSlot slot, GitMirrorRequest request, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(slot.Path, "HEAD")))
        {
            await CloneAsync(slot.Path, request, ct).ConfigureAwait(false);
            if (!request.Shallow)
            {
                await WriteCommitGraphAsync(slot.Path, request, ct).ConfigureAwait(false);
            }

            slot.Known = await ReadLocalRefsAsync(slot.Path, request, ct).ConfigureAwait(false);
            return ToMirror(slot, request, slot.Known);
        }

        if (!request.Shallow && IsShallow(slot.Path))
        {
            var deepen = GitCommand.Create(["fetch", "--quiet", "--prune", "--unshallow", "origin"], request.Credential, request.InsecureSkipTlsVerify);
            Interlocked.Increment(ref fetches);
            await Runner.RunAsync(deepen, slot.Path, request.RepoUrl, ct).ConfigureAwait(false);
            await WriteCommitGraphAsync(slot.Path, request, ct).ConfigureAwait(false);
            slot.Known = await ReadLocalRefsAsync(slot.Path, request, ct).ConfigureAwait(false);
            return ToMirror(slot, request, slot.Known);
        }

        slot.Known ??= await ReadLocalRefsAsync(slot.Path, request, ct).ConfigureAwait(false);
        var lsRemote = GitCommand.Create(["ls-remote", "--symref", "--", request.RepoUrl], request.Credential, request.InsecureSkipTlsVerify);
        Interlocked.Increment(ref lsRemotes);
        var remote = GitRemoteRefs.ParseLsRemote(
            await Runner.RunAsync(lsRemote, slot.Path, request.RepoUrl, ct).ConfigureAwait(false));
        if (remote.SameRefsAs(slot.Known))
        {
            slot.Known = remote;
            return ToMirror(slot, request, remote);
        }

        var fetch = GitCommand.Create(
            ["fetch", "--quiet", "--prune", "origin"],
            request.Credential,
            request.InsecureSkipTlsVerify);
        Interlocked.Increment(ref fetches);
        await Runner.RunAsync(fetch, slot.Path, request.RepoUrl, ct).ConfigureAwait(false);
        await WriteCommitGraphAsync(slot.Path, request, ct).ConfigureAwait(false);
        if (remote.HeadBranch is not null && remote.HeadBranch != slot.Known.HeadBranch)
        {
            var setHead = GitCommand.Create(["symbolic-ref", "HEAD", "refs/heads/" + remote.HeadBranch], null, false);
            await Runner.RunAsync(setHead, slot.Path, request.RepoUrl, ct).ConfigureAwait(false);
        }

        slot.Known = await ReadLocalRefsAsync(slot.Path, request, ct).ConfigureAwait(false);
        return ToMirror(slot, request, slot.Known);
    }

    private async Task CloneAsync(string path, GitMirrorRequest request, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var staging = $"{path}.tmp-{Guid.NewGuid():N}";
        List<string> arguments = ["clone", "--mirror", "--quiet"];
        if (request.Blobless)
        {
            arguments.Add("--filter=blob:none");
        }

        if (request.Shallow)
        {
            arguments.Add("--depth=1");
        }

        arguments.AddRange(["--", request.RepoUrl, staging]);
        Interlocked.Increment(ref clones);
        try
        {
            await Runner.RunAsync(GitCommand.Create(arguments, request.Credential, request.InsecureSkipTlsVerify), root, request.RepoUrl, ct)
                .ConfigureAwait(false);
            if (Directory.Exists(path))
            {
                // A mirror without HEAD is a leftover of a crash; the fresh clone replaces it.
                Directory.Delete(path, recursive: true);
            }

            Directory.Move(staging, path);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Commit-graph with changed-path Bloom filters: path-limited <c>git log</c> then skips most tree diffs, which is
    /// what keeps dozens of Warehouses with different <c>includePaths</c> on one large repository cheap.
    /// </summary>
    private async Task WriteCommitGraphAsync(string path, GitMirrorRequest request, CancellationToken ct)
    {
        try
        {
            var command = GitCommand.Create(["commit-graph", "write", "--reachable", "--changed-paths", "--split", "--no-progress"], null, false);
            await Runner.RunAsync(command, path, request.RepoUrl, ct).ConfigureAwait(false);
        }
        catch (GitException)
        {
            // Only an accelerator: history walks are correct without it.
        }
    }

    /// <summary>A shallow repository lists its cut-off commits in <c>shallow</c>; git deletes the file once deepened.</summary>
    private static bool IsShallow(string path) => File.Exists(Path.Combine(path, "shallow"));

    private async Task<GitRemoteRefs> ReadLocalRefsAsync(string path, GitMirrorRequest request, CancellationToken ct)
    {
        var refs = await Runner.RunAsync(
            GitCommand.Create(["for-each-ref", "--format=%(objectname) %(refname)"], null, false), path, request.RepoUrl, ct)
            .ConfigureAwait(false);
        var head = await Runner.RunAsync(
            GitCommand.Create(["symbolic-ref", "--quiet", "--short", "HEAD"], null, false), path, request.RepoUrl, ct)
            .ConfigureAwait(false);
        return GitRemoteRefs.ParseLocal(refs, head.Trim() is { Length: > 0 } branch ? branch : null);
    }

    private static GitMirror ToMirror(MirrorSlot slot, GitMirrorRequest request, GitRemoteRefs refs) =>
        new(request.RepoUrl, slot.Path, refs, request.Credential, request.InsecureSkipTlsVerify);

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private sealed class MirrorSlot(string path)
    {
        public Lock Gate { get; } = new();

        public string Path { get; } = path;

        public Task<GitMirror>? InFlight { get; set; }

        public DateTimeOffset InFlightStartedAt { get; set; }

        /// <summary>When the last successful look at the remote started; <see cref="Known"/> holds what it saw.</summary>
        public DateTimeOffset FreshAsOf { get; set; } = DateTimeOffset.MinValue;

        public GitRemoteRefs? Known { get; set; }
    }
}
