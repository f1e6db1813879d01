using System.ComponentModel.DataAnnotations;

namespace Dray.Steps.Git;

public sealed record GitOpenPrConfig
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    [MinLength(1)]
    public required string SourceBranch { get; init; }

    [MinLength(1)]
    public required string TargetBranch { get; init; }

    /// <summary>github, gitlab, gitea, azure or bitbucket; inferred from the URL's host when omitted.</summary>
    public string? Provider { get; init; }

    public bool InsecureSkipTLSVerify { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Deprecated in Kargo and ignored.</summary>
    public bool CreateTargetBranch { get; init; }
}
