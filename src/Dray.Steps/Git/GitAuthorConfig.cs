using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Git;

/// <summary>Who commits: the author and committer of commits made by <c>git-commit</c>.</summary>
public sealed record GitAuthorConfig
{
    [MinLength(1)]
    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>Accepted for Kargo compatibility; Dray does not sign commits and refuses a non-empty key.</summary>
    public string? SigningKey { get; init; }

    internal IEnumerable<string> Validate(string at)
    {
        if (Email is { } email && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(c => c is '<' or '>' or '\n' or ' ')))
        {
            yield return $"{at}.email: \"{email}\" is not an email address";
        }

        if (Name is { } name && name.Any(c => c is '<' or '>' or '\n'))
        {
            yield return $"{at}.name: must not contain '<', '>' or a line break";
        }

        if (!string.IsNullOrEmpty(SigningKey))
        {
            yield return $"{at}.signingKey: commit signing is not supported";
        }
    }
}
