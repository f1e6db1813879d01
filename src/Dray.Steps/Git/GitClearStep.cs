using Dray.Core.Steps;

namespace Dray.Steps.Git;

/// <summary><c>git-clear</c>: deletes everything in a working tree except <c>.git</c>, like <c>git rm -rf .</c>.</summary>
public sealed class GitClearStep(GitStepSupport support) : PromotionStep<GitClearConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, GitClearConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var worktree = await support.OpenAsync(context, config.Path, ct);
        foreach (var entry in new DirectoryInfo(worktree.Path).EnumerateFileSystemInfos())
        {
            ct.ThrowIfCancellationRequested();
            if (entry.Name == ".git")
            {
                continue;
            }

            // A link is removed itself; what it points to is left alone.
            if (entry is DirectoryInfo directory && entry.LinkTarget is null)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return StepResult.Succeeded();
    }
}
