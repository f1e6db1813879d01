using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Git;

/// <summary>Who commits: the author and committer of commits made by <c>git-commit</c>.</summary>
public sealed record GitAuthorConfig
{
    [MinLength(1)]
    public string? Name { get; init; }

    [EmailAddress]
    public string? Email { get; init; }

    /// <summary>Accepted for Kargo compatibility; Dray does not sign commits and refuses a non-empty key.</summary>
    public string? SigningKey { get; init; }
}
