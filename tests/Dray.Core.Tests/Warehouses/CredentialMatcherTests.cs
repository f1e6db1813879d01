using Dray.Core.Model.Kubernetes;
using Dray.Core.Warehouses;

namespace Dray.Core.Tests.Warehouses;

public sealed class CredentialMatcherTests
{
    [Theory]
    [InlineData(CredentialType.Git, "https://github.com/Example/Repo.git", "https://github.com/example/repo")]
    [InlineData(CredentialType.Git, "https://user@github.com/example/repo/", "https://github.com/example/repo")]
    [InlineData(CredentialType.Image, "docker.io/library/nginx", "nginx")]
    [InlineData(CredentialType.Image, "index.docker.io/nginx", "nginx")]
    [InlineData(CredentialType.Helm, "oci://ghcr.io/example/charts/app", "ghcr.io/example/charts/app")]
    public void Exact_matches_compare_normalized_urls(string type, string secretUrl, string repoUrl)
    {
        var match = CredentialMatcher.Match([new CredentialCandidate("creds", secretUrl, false)], type, repoUrl);

        match.ShouldNotBeNull().SecretName.ShouldBe("creds");
    }

    [Fact]
    public void Exact_matches_beat_regex_matches_whatever_the_names()
    {
        var candidates = new[]
        {
            new CredentialCandidate("a-regex", "^https://github.com/example/.*$", true),
            new CredentialCandidate("z-exact", "https://github.com/example/repo", false),
        };

        CredentialMatcher.Match(candidates, CredentialType.Git, "https://github.com/example/repo").ShouldNotBeNull().SecretName.ShouldBe("z-exact");
    }

    [Fact]
    public void Among_equal_matches_the_lexically_first_secret_name_wins()
    {
        var candidates = new[]
        {
            new CredentialCandidate("b", "^.*example.*$", true),
            new CredentialCandidate("a", "^https://github\\.com/.*$", true),
            new CredentialCandidate("c", "github.com", true),
        };

        CredentialMatcher.Match(candidates, CredentialType.Git, "https://github.com/example/repo").ShouldNotBeNull().SecretName.ShouldBe("a");
    }

    [Fact]
    public void A_regex_may_target_the_url_as_written_or_normalized()
    {
        var asWritten = new CredentialCandidate("written", "^docker\\.io/library/nginx$", true);
        var normalized = new CredentialCandidate("normalized", "^nginx$", true);

        CredentialMatcher.Match([asWritten], CredentialType.Image, "docker.io/library/nginx").ShouldNotBeNull();
        CredentialMatcher.Match([normalized], CredentialType.Image, "docker.io/library/nginx").ShouldNotBeNull();
    }

    [Fact]
    public void A_url_that_is_not_a_regex_does_not_match_as_one_and_a_broken_regex_is_skipped()
    {
        var candidates = new[]
        {
            new CredentialCandidate("a-broken", "([", true),
            new CredentialCandidate("b-other", "https://github.com/other/repo", false),
        };

        CredentialMatcher.Match(candidates, CredentialType.Git, "https://github.com/example/repo").ShouldBeNull();
    }
}
