using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Sources.Git;

namespace Dray.Steps.Git;

/// <summary>
/// <c>git-clone</c>: refreshes the shared bare mirror of the repository and adds one detached <c>git worktree</c> per
/// checkout inside the work directory. Detached, so that any number of promotions may work on the same branch.
/// </summary>
public sealed class GitCloneStep(GitStepSupport support) : PromotionStep<GitCloneConfig>
{
    /// <summary>The object id of the empty tree, the same in every SHA-1 repository.</summary>
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitCloneConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var credential = await GitStepSupport.CredentialAsync(context, config.RepoURL, ct);
        GitMirror mirror;
        try
        {
            mirror = await support.Mirrors.EnsureFreshAsync(
                new GitMirrorRequest(
                    config.RepoURL,
                    credential,
                    config.Blobless,
                    config.InsecureSkipTLSVerify,
                    // Tips suffice unless a checkout names a commit, which may lie anywhere in history.
                    Shallow: config.Checkout.All(c => string.IsNullOrEmpty(c.Commit))),
                ct);
        }
        catch (GitException e)
        {
            return StepResult.Errored(e.Message, terminal: e.Kind is GitErrorKind.AuthenticationFailed or GitErrorKind.RepositoryNotFound or GitErrorKind.UntrustedCertificate);
        }

        var commits = new JsonObject();
        foreach (var checkout in config.Checkout)
        {
            var path = context.WorkDirectory.Resolve(checkout.Path);
            var target = Resolve(mirror, checkout);
            if (target.Error is not null)
            {
                return StepResult.Failed(target.Error, terminal: true);
            }

            try
            {
                RemoveLeftover(path);
                var commit = target.Commit ?? await EmptyCommitAsync(mirror, ct);
                await AddWorktreeAsync(mirror, checkout, path, commit, config.RecurseSubmodules, ct);
                var gitDir = GitStepSupport.GitDirOf(path)
                    ?? throw new StepException($"git worktree add left no worktree at \"{checkout.Path}\"");
                var head = target.Commit is null
                    ? null
                    : (await support.RunAsync(["rev-parse", "HEAD"], null, false, path, mirror.RepoUrl, null, ct)).Trim();
                await GitStepSupport.SaveStateAsync(gitDir, new GitWorktreeState
                {
                    RepoURL = config.RepoURL,
                    InsecureSkipTLSVerify = config.InsecureSkipTLSVerify,
                    Branch = target.Branch,
                    Base = head,
                    Orphan = target.Commit is null,
                    AuthorName = config.Author?.Name,
                    AuthorEmail = config.Author?.Email,
                }, ct);
                commits[checkout.As ?? checkout.Path] = head;
            }
            catch (GitException e)
            {
                return StepResult.Errored($"checkout \"{checkout.Path}\": {e.Message}");
            }
        }

        return StepResult.Succeeded(new JsonObject { ["commits"] = commits });
    }

    private static Target Resolve(GitMirror mirror, GitCheckoutConfig checkout)
    {
        if (!string.IsNullOrEmpty(checkout.Commit))
        {
            return new Target(checkout.Commit, null, null);
        }

        if (!string.IsNullOrEmpty(checkout.Tag))
        {
            return mirror.Refs.Refs.ContainsKey("refs/tags/" + checkout.Tag)
                ? new Target("refs/tags/" + checkout.Tag + "^{commit}", null, null)
                : new Target(null, null, $"tag \"{checkout.Tag}\" not found in {mirror.RepoUrl}");
        }

        var branch = string.IsNullOrEmpty(checkout.Branch) ? mirror.DefaultBranch : checkout.Branch;
        if (branch is null)
        {
            return new Target(null, null, $"{mirror.RepoUrl} has no default branch; name a branch");
        }

        if (mirror.Refs.Refs.TryGetValue("refs/heads/" + branch, out var id))
        {
            return new Target(id, branch, null);
        }

        return checkout.Create
            ? new Target(null, branch, null)
            : new Target(null, null, $"branch \"{branch}\" not found in {mirror.RepoUrl} (set create: true to start it)");
    }

    /// <summary>A re-run after a crash finds the worktree of the first run: drop it and check out afresh.</summary>
    private static void RemoveLeftover(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private async Task AddWorktreeAsync(
        GitMirror mirror, GitCheckoutConfig checkout, string path, string commit, bool submodules, CancellationToken ct)
    {
        var id = (await MirrorAsync(mirror, ["rev-parse", "--verify", "--quiet", "--end-of-options", commit + "^{commit}"], null, ct)).Trim();
        using (await support.LockWorktreesAsync(mirror.Path, ct))
        {
            GitWorktreeRegistry.Prune(mirror.Path);
            GitWorktreeRegistry.Add(mirror.Path, path, id);
            if (checkout.Sparse is { Count: > 0 } sparse)
            {
                // Sparse checkout switches on per-worktree config, which rewrites the mirror's shared config.
                await support.RunAsync(["sparse-checkout", "set", "--cone", "--", .. sparse], mirror.Credential, mirror.InsecureSkipTlsVerify, path, mirror.RepoUrl, null, ct);
            }
        }

        await support.RunAsync(["reset", "--hard", "--quiet"], mirror.Credential, mirror.InsecureSkipTlsVerify, path, mirror.RepoUrl, null, ct);

        if (submodules)
        {
            await support.RunAsync(["submodule", "update", "--init", "--recursive", "--quiet"],
                mirror.Credential, mirror.InsecureSkipTlsVerify, path, mirror.RepoUrl, null, ct);
        }
    }

    /// <summary>A parentless commit of the empty tree to stand on until the first commit of a new branch.</summary>
    private async Task<string> EmptyCommitAsync(GitMirror mirror, CancellationToken ct)
    {
        await MirrorAsync(mirror, ["mktree"], null, ct);
        var identity = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = support.Options.DefaultAuthorName,
            ["GIT_AUTHOR_EMAIL"] = support.Options.DefaultAuthorEmail,
            ["GIT_COMMITTER_NAME"] = support.Options.DefaultAuthorName,
            ["GIT_COMMITTER_EMAIL"] = support.Options.DefaultAuthorEmail,
            ["GIT_AUTHOR_DATE"] = "@0 +0000",
            ["GIT_COMMITTER_DATE"] = "@0 +0000",
        };
        return (await MirrorAsync(mirror, ["commit-tree", EmptyTree, "-m", "empty"], identity, ct)).Trim();
    }

    private Task<string> MirrorAsync(GitMirror mirror, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? env, CancellationToken ct) =>
        support.RunAsync(arguments, null, false, mirror.Path, mirror.RepoUrl, env, ct);

    private sealed record Target(string? Commit, string? Branch, string? Error);
}
