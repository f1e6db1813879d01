using System.Diagnostics.CodeAnalysis;

namespace Dray.Steps.PullRequests;

/// <summary>The <c>provider:</c> values the git steps accept, and inference from a repository host.</summary>
public static class PullRequestProviderNames
{
    public static bool TryParse(string? name, [NotNullWhen(true)] out PullRequestProviderKind? kind)
    {
        kind = name?.Trim().ToLowerInvariant() switch
        {
            "github" => PullRequestProviderKind.GitHub,
            "gitlab" => PullRequestProviderKind.GitLab,
            "gitea" or "forgejo" => PullRequestProviderKind.Gitea,
            "azure" or "azuredevops" or "azure-devops" => PullRequestProviderKind.AzureDevOps,
            "bitbucket" => PullRequestProviderKind.Bitbucket,
            _ => null,
        };
        return kind is not null;
    }

    public static PullRequestProviderKind? Infer(RepositoryUrl repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        return repo.Host switch
        {
            "github.com" or "www.github.com" => PullRequestProviderKind.GitHub,
            "gitlab.com" => PullRequestProviderKind.GitLab,
            "gitea.com" or "codeberg.org" => PullRequestProviderKind.Gitea,
            "bitbucket.org" => PullRequestProviderKind.Bitbucket,
            "dev.azure.com" or "ssh.dev.azure.com" => PullRequestProviderKind.AzureDevOps,
            var h when h.EndsWith(".visualstudio.com", StringComparison.Ordinal) => PullRequestProviderKind.AzureDevOps,
            _ => null,
        };
    }
}
