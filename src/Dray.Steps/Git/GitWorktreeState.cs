namespace Dray.Steps.Git;

/// <summary>
/// What <c>git-clone</c> leaves for the later git steps of a working tree, kept in the worktree's private git
/// directory (not in the files a promotion edits).
/// </summary>
internal sealed record GitWorktreeState
{
    public const string FileName = "dray-checkout.json";

    public required string RepoURL { get; init; }

    public bool InsecureSkipTLSVerify { get; init; }

    /// <summary>The branch checked out (detached, so that many promotions may work on it at once); null for a commit or tag.</summary>
    public string? Branch { get; init; }

    /// <summary>The commit checked out; the promotion's own commits sit on top of it.</summary>
    public string? Base { get; init; }

    /// <summary>The branch did not exist: the first commit has no parent.</summary>
    public bool Orphan { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorEmail { get; init; }
}
