using Dray.Steps.PullRequests;

namespace Dray.Steps.Tests.PullRequests;

public sealed class RepositoryUrlTests
{
    [Theory]
    [InlineData("https://github.com/acme/deploy.git", "https://github.com", "acme/deploy", PullRequestProviderKind.GitHub)]
    [InlineData("git@github.com:acme/deploy.git", "https://github.com", "acme/deploy", PullRequestProviderKind.GitHub)]
    [InlineData("https://user:pw@gitlab.com/group/sub/app", "https://gitlab.com", "group/sub/app", PullRequestProviderKind.GitLab)]
    [InlineData("ssh://git@bitbucket.org/ws/repo.git", "https://bitbucket.org", "ws/repo", PullRequestProviderKind.Bitbucket)]
    [InlineData("https://org@dev.azure.com/org/proj/_git/repo", "https://dev.azure.com", "org/proj/_git/repo", PullRequestProviderKind.AzureDevOps)]
    [InlineData("https://org.visualstudio.com/proj/_git/repo", "https://org.visualstudio.com", "proj/_git/repo", PullRequestProviderKind.AzureDevOps)]
    [InlineData("https://gitea.com/owner/repo", "https://gitea.com", "owner/repo", PullRequestProviderKind.Gitea)]
    [InlineData("http://git.internal:3000/owner/repo.git", "http://git.internal:3000", "owner/repo", null)]
    public void Parses_and_infers_the_provider(string url, string origin, string path, PullRequestProviderKind? kind)
    {
        var repo = RepositoryUrl.Parse(url);

        repo.Origin.ShouldBe(origin);
        repo.FullPath.ShouldBe(path);
        PullRequestProviderNames.Infer(repo).ShouldBe(kind);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("https://github.com/only-owner")]
    public void Rejects_urls_without_owner_and_repository(string url) =>
        Should.Throw<ArgumentException>(() => RepositoryUrl.Parse(url));

    [Fact]
    public void Rejection_messages_hide_embedded_credentials()
    {
        var e = Should.Throw<ArgumentException>(() => RepositoryUrl.Parse("https://bot:hunter2@github.com/x"));

        e.Message.ShouldNotContain("hunter2");
    }

    [Theory]
    [InlineData("GitHub", PullRequestProviderKind.GitHub)]
    [InlineData("gitlab", PullRequestProviderKind.GitLab)]
    [InlineData("forgejo", PullRequestProviderKind.Gitea)]
    [InlineData("azure", PullRequestProviderKind.AzureDevOps)]
    [InlineData("bitbucket", PullRequestProviderKind.Bitbucket)]
    public void Parses_provider_names(string name, PullRequestProviderKind kind)
    {
        PullRequestProviderNames.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
    }

    [Fact]
    public void Unknown_provider_names_are_rejected() =>
        PullRequestProviderNames.TryParse("sourcehut", out _).ShouldBeFalse();
}
