using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class GitUrlTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // https: lower-cased throughout, credentials, one trailing slash and one .git dropped
        { "https://GitHub.com/Akuity/Kargo.git", "https://github.com/akuity/kargo" },
        { "HTTPS://GitHub.com/X/Y", "https://github.com/x/y" },
        { "http://example.org/a/b/", "http://example.org/a/b" },
        { "https://user:token@git.example.org:8443/team/app.git/", "https://git.example.org:8443/team/app" },
        { "https://git.example.org", "https://git.example.org" },
        { "https://git.example.org/", "https://git.example.org" },
        { "https://github.com/a/b.git.git", "https://github.com/a/b.git" },
        { "https://github.com/a/b/.git", "https://github.com/a/b/" },
        { "https://github.com/a/b.git#main", "https://github.com/a/b#main" },
        { "https://github.com/a%20b/c", "https://github.com/a%20b/c" },
        { "https://github.com/a b/c.git", "https://github.com/a%20b/c" },

        // query strings and unparsable input come back as given (not even lower-cased)
        { "https://Example.com/Repo?ref=main", "https://Example.com/Repo?ref=main" },
        { "https://bad host/Repo", "https://bad host/Repo" },
        { "https://host:port/repo", "https://host:port/repo" },
        { "ssh://git@Example.com/Repo?x=1", "ssh://git@Example.com/Repo?x=1" },
        { "Just Some Words", "Just Some Words" },

        // ssh:// keeps the user
        { "ssh://git@Example.com:2222/Team/App.git", "ssh://git@example.com:2222/team/app" },
        { "ssh://example.com/team/app/", "ssh://example.com/team/app" },
        { "ssh://git@example.com", "ssh://git@example.com" },

        // SCP-style becomes ssh://
        { "git@github.com:akuity/kargo.git", "ssh://git@github.com/akuity/kargo" },
        { "github.com:akuity/kargo/", "ssh://github.com/akuity/kargo" },
        { "Git@GitHub.com:Akuity/Kargo.git/", "ssh://git@github.com/akuity/kargo" },
        { "bitbucket.org", "ssh://bitbucket.org" },
        { "git@bitbucket.org:", "ssh://git@bitbucket.org" },

        // unprintable characters and surrounding whitespace are removed first
        { "  https://github.com/akuity/kargo\n", "https://github.com/akuity/kargo" },
        { "\uFEFFhttps://github.com/x/y.git", "https://github.com/x/y" },
        { "https://github.com/x/\u200By.git", "https://github.com/x/y" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizes(string input, string expected) => GitUrl.Normalize(input).ShouldBe(expected);
}
