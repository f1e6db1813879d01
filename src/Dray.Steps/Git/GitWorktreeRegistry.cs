namespace Dray.Steps.Git;

/// <summary>
/// Registers and prunes worktrees of a shared mirror the way <c>git worktree add/prune</c> lay them out
/// (<c>worktrees/&lt;id&gt;/{gitdir,commondir,HEAD}</c>), but atomically: the bookkeeping is written aside and renamed
/// into place. <c>git worktree add</c> shows a half-made entry (a null HEAD) for a moment, and any git command that
/// walks all refs of the mirror meanwhile (a fetch's connectivity check, discovery's refresh) dies on it.
/// </summary>
internal static class GitWorktreeRegistry
{
    private const string Staging = "dray-worktrees-staging";

    /// <summary>Makes <paramref name="worktree"/> a detached worktree of the mirror at <paramref name="commit"/> (a full id), without files yet.</summary>
    public static void Add(string mirrorPath, string worktree, string commit)
    {
        var id = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(worktree))}-{Guid.NewGuid():N}"[..^20];
        var admin = Path.Join(mirrorPath, "worktrees", id);
        var staging = Path.Join(mirrorPath, Staging, id);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Join(staging, "gitdir"), Path.Join(worktree, ".git") + "\n");
        File.WriteAllText(Path.Join(staging, "commondir"), "../..\n");
        File.WriteAllText(Path.Join(staging, "HEAD"), commit + "\n");
        Directory.CreateDirectory(worktree);
        File.WriteAllText(Path.Join(worktree, ".git"), $"gitdir: {admin}\n");
        Directory.CreateDirectory(Path.Join(mirrorPath, "worktrees"));
        Directory.Move(staging, admin);
    }

    /// <summary>Drops the bookkeeping of worktrees whose directory is gone (finished or crashed promotions).</summary>
    public static void Prune(string mirrorPath)
    {
        var root = Path.Join(mirrorPath, "worktrees");
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var admin in Directory.EnumerateDirectories(root))
        {
            var gitdirFile = Path.Join(admin, "gitdir");
            var target = File.Exists(gitdirFile) ? File.ReadAllText(gitdirFile).Trim() : "";
            if (target.Length > 0 && File.Exists(target))
            {
                continue;
            }

            // Renamed away first, so that no reader ever sees a half-deleted entry.
            var trash = Path.Join(mirrorPath, Staging, "trash-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Join(mirrorPath, Staging));
            Directory.Move(admin, trash);
            Directory.Delete(trash, recursive: true);
        }
    }
}
