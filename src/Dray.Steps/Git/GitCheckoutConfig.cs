using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Git;

/// <summary>One working tree of <c>git-clone</c>: at a branch, a commit or a tag (the default branch when none).</summary>
public sealed record GitCheckoutConfig
{
    [MinLength(1)]
    public required string Path { get; init; }

    public string? Branch { get; init; }

    public string? Commit { get; init; }

    public string? Tag { get; init; }

    /// <summary>When <see cref="Branch"/> does not exist, start it as an orphan (empty) branch.</summary>
    public bool Create { get; init; }

    /// <summary>The key of this checkout in the <c>commits</c> output; <see cref="Path"/> when omitted.</summary>
    public string? As { get; init; }

    /// <summary>Directories to check out (cone-mode sparse checkout); everything when omitted.</summary>
    public IReadOnlyList<string>? Sparse { get; init; }
}
