using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Steps.Git;

/// <summary>What git-wait-for-pr and git-merge-pr share: which pull request on which service.</summary>
public abstract record PullRequestStepConfig
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    [Range(1, long.MaxValue)]
    public required long PrNumber { get; init; }

    /// <summary>github, gitlab, gitea, azure or bitbucket; inferred from the URL's host when omitted.</summary>
    public string? Provider { get; init; }

    public bool InsecureSkipTLSVerify { get; init; }

    /// <summary>How long to wait between polls (default 30s, at least 10s).</summary>
    [RegularExpression(KargoPatterns.Duration)]
    public string? PollInterval { get; init; }
}
