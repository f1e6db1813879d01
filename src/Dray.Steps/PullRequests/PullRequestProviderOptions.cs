namespace Dray.Steps.PullRequests;

/// <summary>How to reach one repository's hosting API.</summary>
public sealed record PullRequestProviderOptions
{
    /// <summary>Set to override inference from the repository URL's host (required for self-hosted servers).</summary>
    public PullRequestProviderKind? Provider { get; init; }

    /// <summary>The API token (password for Basic auth when <see cref="Username"/> is set).</summary>
    public string? Token { get; init; }

    /// <summary>Only for services that take Basic auth (Bitbucket app passwords, Azure DevOps PATs).</summary>
    public string? Username { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Overrides the derived API root, e.g. for a Bitbucket Cloud stand-in.</summary>
    public Uri? ApiBaseUrl { get; init; }
}
