using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Sources.Git;
using Microsoft.Extensions.Logging;

namespace Dray.Steps.Git;

/// <summary>
/// <c>git-push</c>: pushes a working tree's HEAD to a branch. Exactly once: when the remote branch already holds this
/// Promotion's commit (its <c>Dray-Promotion</c> trailer and message), it succeeds without pushing. When the remote
/// moved, it rebases onto it and pushes again, up to <c>maxAttempts</c>; a conflict fails, naming the paths.
/// </summary>
public sealed partial class GitPushStep(GitStepSupport support) : PromotionStep<GitPushConfig>
{
    private const int MaxHistoryWithoutBase = 1000;

    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitPushConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var worktree = await support.OpenAsync(context, config.Path, ct);
        var branch = config.GenerateTargetBranch ? $"kargo/promotion/{context.Promotion}" : config.TargetBranch ?? worktree.State.Branch;
        if (branch is null)
        {
            return StepResult.Failed(
                $"config.targetBranch: \"{config.Path}\" was checked out at a commit or tag, not a branch; set targetBranch or generateTargetBranch",
                terminal: true);
        }

        try
        {
            if (worktree.State.Orphan && await GitCommitStep.IsPlaceholderAsync(worktree, ct))
            {
                return StepResult.Failed($"nothing to push: the new branch \"{branch}\" has no commit yet", terminal: true);
            }

            return await PushAsync(context, config, worktree, branch, ct);
        }
        catch (GitException e)
        {
            return StepResult.Errored(e.Message);
        }
    }

    private async Task<StepResult> PushAsync(StepContext context, GitPushConfig config, GitWorktree worktree, string branch, CancellationToken ct)
    {
        var own = await OwnMessageAsync(worktree, context.Promotion, ct);
        var attempts = config.MaxAttempts ?? GitPushConfig.DefaultMaxAttempts;
        var delay = support.Options.PushRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var remote = await RemoteTipAsync(worktree, branch, ct);
            if (remote is not null)
            {
                if (remote == worktree.State.Base)
                {
                    // Nobody pushed since the clone: the commit is already here, no fetch needed.
                    await worktree.RunAsync(["update-ref", GitWorktree.RemoteRef, remote], ct);
                }
                else
                {
                    await worktree.RunRemoteAsync(
                        ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--", worktree.State.RepoURL, $"+refs/heads/{branch}:{GitWorktree.RemoteRef}"], ct);
                }
                if (own is not null && await FindPushedAsync(worktree, own, ct) is { } pushed)
                {
                    LogAlreadyPushed(context.Logger, context.Promotion, branch, pushed);
                    return Done(worktree, config, branch, pushed);
                }

                if (!config.Force && !await ContainsRemoteAsync(worktree, ct))
                {
                    var conflicts = await IntegrateAsync(context, worktree, ct);
                    if (conflicts is not null)
                    {
                        return StepResult.Failed(
                            $"cannot integrate the changes on remote branch \"{branch}\": conflicting paths: {string.Join(", ", conflicts)}",
                            terminal: true);
                    }
                }
            }

            var head = await worktree.HeadAsync(ct);
            if (head == remote)
            {
                return Done(worktree, config, branch, head);
            }

            List<string> push = ["push", "--quiet", "--no-verify"];
            if (config.Force)
            {
                push.Add("--force");
            }

            push.AddRange(["--", worktree.State.RepoURL, $"HEAD:refs/heads/{branch}"]);
            try
            {
                await worktree.RunRemoteAsync(push, ct);
                return Done(worktree, config, branch, head);
            }
            catch (GitException e)
            {
                // Judge by the remote, not by git's wording: only a branch that moved meanwhile is a race.
                var now = await RemoteTipAsync(worktree, branch, ct);
                if (now == remote || attempt >= attempts)
                {
                    return StepResult.Errored(attempt >= attempts && now != remote
                        ? $"remote branch \"{branch}\" kept moving; gave up after {attempts} attempts: {e.Message}"
                        : e.Message);
                }

                LogRace(context.Logger, context.Promotion, branch, attempt, attempts);
                await Task.Delay(Jittered(delay), context.TimeProvider, ct);
                delay = TimeSpan.FromTicks(Math.Min((long)(delay.Ticks * 1.5), support.Options.MaxPushRetryDelay.Ticks));
            }
        }
    }

    private static StepResult Done(GitWorktree worktree, GitPushConfig config, string branch, string commit)
    {
        var outputs = new JsonObject { ["branch"] = branch, ["commit"] = commit };
        if (GitCommitUrls.For(worktree.State.RepoURL, config.Provider, commit) is { } url)
        {
            outputs["commitURL"] = url;
        }

        return StepResult.Succeeded(outputs);
    }

    private static async Task<string?> RemoteTipAsync(GitWorktree worktree, string branch, CancellationToken ct)
    {
        var output = await worktree.RunRemoteAsync(["ls-remote", "--", worktree.State.RepoURL, $"refs/heads/{branch}"], ct);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(l => l.EndsWith($"\trefs/heads/{branch}", StringComparison.Ordinal));
        return line?[..line.IndexOf('\t', StringComparison.Ordinal)];
    }

    /// <summary>HEAD's message when HEAD is this Promotion's commit, else null (nothing of ours to find on the remote).</summary>
    private static async Task<string?> OwnMessageAsync(GitWorktree worktree, string promotion, CancellationToken ct)
    {
        var trailers = await worktree.RunAsync(["log", "-1", $"--format=%(trailers:key={GitCommitStep.TrailerKey},valueonly)", "HEAD"], ct);
        return trailers.Split('\n').Any(v => v.Trim() == promotion)
            ? (await worktree.RunAsync(["log", "-1", "--format=%B", "HEAD"], ct)).Trim()
            : null;
    }

    /// <summary>The commit on the fetched remote branch that is this Promotion's commit, if it was pushed before.</summary>
    private static async Task<string?> FindPushedAsync(GitWorktree worktree, string message, CancellationToken ct)
    {
        List<string> log = ["log", "--format=%H%x00%B%x01", "--fixed-strings", $"--grep={GitCommitStep.TrailerKey}: "];
        if (worktree.State.Base is { } baseCommit)
        {
            log.Add($"{baseCommit}..{GitWorktree.RemoteRef}");
        }
        else
        {
            log.AddRange([$"--max-count={MaxHistoryWithoutBase.ToString(CultureInfo.InvariantCulture)}", GitWorktree.RemoteRef]);
        }

        foreach (var entry in (await worktree.RunAsync(log, ct)).Split('\u0001'))
        {
            var nul = entry.IndexOf('\0', StringComparison.Ordinal);
            if (nul > 0 && entry[(nul + 1)..].Trim() == message)
            {
                return entry[..nul].Trim();
            }
        }

        return null;
    }

    /// <summary>Whether HEAD already contains the fetched remote branch (a fast-forward push).</summary>
    private static async Task<bool> ContainsRemoteAsync(GitWorktree worktree, CancellationToken ct) =>
        (await worktree.RunAsync(["rev-list", "--count", GitWorktree.RemoteRef, "^HEAD"], ct)).Trim() == "0";

    /// <summary>Rebases the local commits onto the fetched remote branch; returns the conflicting paths, or null.</summary>
    private async Task<IReadOnlyList<string>?> IntegrateAsync(StepContext context, GitWorktree worktree, CancellationToken ct)
    {
        var identity = support.Identity(null, worktree.State, context.TimeProvider);
        try
        {
            await worktree.RunAsync(["rebase", "--quiet", "--no-autostash", GitWorktree.RemoteRef], ct, identity);
            return null;
        }
        catch (GitException)
        {
            var conflicts = (await worktree.RunAsync(["diff", "--name-only", "--diff-filter=U"], ct))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await worktree.RunAsync(["rebase", "--abort"], ct);
            if (conflicts.Length == 0)
            {
                throw;
            }

            return conflicts;
        }
    }

    private static TimeSpan Jittered(TimeSpan delay) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble())));

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {Promotion}: commit {Commit} is already on branch {Branch}; not pushing again")]
    private static partial void LogAlreadyPushed(ILogger logger, string promotion, string branch, string commit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {Promotion}: branch {Branch} moved during the push (attempt {Attempt} of {Attempts}); integrating and retrying")]
    private static partial void LogRace(ILogger logger, string promotion, string branch, int attempt, int attempts);
}
