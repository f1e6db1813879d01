using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Dray.Sources.Git;

namespace Dray.Steps.Git;

/// <summary>
/// <c>git-commit</c>: commits every change in a working tree. The commit carries a <c>Dray-Promotion</c> trailer
/// naming the Promotion, which is how <c>git-push</c> recognises it on the remote after a crash.
/// </summary>
public sealed class GitCommitStep(GitStepSupport support) : PromotionStep<GitCommitConfig>
{
    public const string TrailerKey = "Dray-Promotion";

    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitCommitConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var worktree = await support.OpenAsync(context, config.Path, ct);
        try
        {
            await worktree.RunAsync(["add", "--all"], ct);
            var staged = await worktree.RunAsync(["diff", "--cached", "--name-only"], ct);
            var placeholder = worktree.State.Orphan && await IsPlaceholderAsync(worktree, ct);
            if (staged.Trim().Length == 0)
            {
                // Nothing changed (or a re-run after the commit was made): report what HEAD is.
                return StepResult.Succeeded(new JsonObject { ["commit"] = placeholder ? null : await worktree.HeadAsync(ct) });
            }

            var messageFile = Path.Join(worktree.GitDir, "DRAY_COMMIT_MSG");
            await File.WriteAllTextAsync(messageFile, config.Message, ct);
            var identity = support.Identity(config.Author, worktree.State, context.TimeProvider);
            await worktree.RunAsync(
                ["commit", "--quiet", "--no-verify", "--cleanup=whitespace", "-F", messageFile, "--trailer", $"{TrailerKey}: {context.Promotion}"],
                ct,
                identity);
            if (placeholder)
            {
                await DropPlaceholderParentAsync(worktree, ct);
            }

            return StepResult.Succeeded(new JsonObject { ["commit"] = await worktree.HeadAsync(ct) });
        }
        catch (GitException e)
        {
            return StepResult.Errored(e.Message);
        }
    }

    /// <summary>Whether HEAD is still the empty stand-in commit <c>git-clone</c> made for a new branch.</summary>
    internal static async Task<bool> IsPlaceholderAsync(GitWorktree worktree, CancellationToken ct)
    {
        var line = (await worktree.RunAsync(["log", "-1", "--format=%T %P", "HEAD"], ct)).Trim();
        return line == EmptyTree;
    }

    /// <summary>The first commit of a new branch has no parent: rewrite it without the stand-in.</summary>
    private static async Task DropPlaceholderParentAsync(GitWorktree worktree, CancellationToken ct)
    {
        var head = await worktree.HeadAsync(ct);
        var raw = await worktree.RunAsync(["cat-file", "commit", head], ct);
        var end = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var header = raw[..end].Split('\n').Where(l => !l.StartsWith("parent ", StringComparison.Ordinal));
        var file = Path.Join(worktree.GitDir, "DRAY_ROOT_COMMIT");
        await File.WriteAllTextAsync(file, string.Join('\n', header) + raw[end..], ct);
        var root = (await worktree.RunAsync(["hash-object", "-t", "commit", "-w", "--", file], ct)).Trim();
        await worktree.RunAsync(["update-ref", "--no-deref", "HEAD", root, head], ct);
    }
}
