using System.Text;
using Dray.Sources.Git;

namespace Dray.Sources.Tests.Git;

public sealed class GitCommandTests
{
    [Fact]
    public void Credentials_travel_only_in_the_environment_as_a_basic_auth_header()
    {
        var command = GitCommand.Create(["ls-remote", "--", "https://example.com/repo.git"], new GitCredential("bob", "hunter2-pw"), false);

        command.Arguments.ShouldBe(["ls-remote", "--", "https://example.com/repo.git"]);
        command.Arguments.ShouldAllBe(a => !a.Contains("hunter2-pw") && !a.Contains("bob"));
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:hunter2-pw"));
        command.Environment.Values.ShouldContain($"Authorization: Basic {token}");
        command.Environment["GIT_TERMINAL_PROMPT"].ShouldBe("0");
        command.Environment.ShouldContainKeyAndValue("GIT_ASKPASS", null);
        var count = int.Parse(command.Environment["GIT_CONFIG_COUNT"]!, System.Globalization.CultureInfo.InvariantCulture);
        Enumerable.Range(0, count).Select(i => command.Environment[$"GIT_CONFIG_KEY_{i}"]).ShouldContain("http.extraHeader");
    }

    [Fact]
    public void Scrub_removes_the_password_and_the_encoded_header()
    {
        var command = GitCommand.Create(["fetch"], new GitCredential("bob", "hunter2-pw"), false);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:hunter2-pw"));

        command.Scrub($"error hunter2-pw and Basic {token}").ShouldBe("error *** and Basic ***");
    }

    [Fact]
    public void Without_credentials_no_header_is_set_and_insecure_disables_tls_checks()
    {
        var command = GitCommand.Create(["fetch"], null, insecureSkipTlsVerify: true);

        command.Environment.Values.ShouldNotContain(v => v != null && v.StartsWith("Authorization", StringComparison.Ordinal));
        command.Environment.Values.ShouldContain("http.sslVerify");
        command.Secrets.ShouldBeEmpty();
        new GitCredential("bob", "hunter2-pw").ToString().ShouldNotContain("hunter2-pw");
    }

    [Fact]
    public void Errors_name_the_remote_without_user_info_or_secrets()
    {
        var command = GitCommand.Create(["ls-remote"], new GitCredential("bob", "hunter2-pw"), false);

        var error = GitErrors.FromFailure(
            command,
            "https://bob:inline-secret@example.com/repo.git",
            128,
            "fatal: Authentication failed for 'https://example.com/repo.git/' (hunter2-pw)");

        error.Kind.ShouldBe(GitErrorKind.AuthenticationFailed);
        error.Message.ShouldStartWith("authentication failed for https://example.com/repo.git");
        error.Message.ShouldNotContain("inline-secret");
        error.Message.ShouldNotContain("hunter2-pw");
    }

    [Theory]
    [InlineData("fatal: repository 'http://h/x.git/' not found", GitErrorKind.RepositoryNotFound)]
    [InlineData("fatal: unable to access 'http://h/x.git/': Failed to connect to h port 80: Connection refused", GitErrorKind.ConnectionFailed)]
    [InlineData("fatal: could not read Username for 'http://h': terminal prompts disabled", GitErrorKind.AuthenticationFailed)]
    [InlineData("fatal: bad object deadbeef", GitErrorKind.Other)]
    public void Stderr_is_classified_into_kinds_a_human_understands(string stderr, GitErrorKind kind) =>
        GitErrors.FromFailure(GitCommand.Create(["fetch"], null, false), "http://h/x.git", 128, stderr).Kind.ShouldBe(kind);

    [Theory]
    [InlineData("fatal: unable to access 'http://h/x.git/': The requested URL returned error: 503\n", GitErrorKind.ServerError,
        "the git server answered HTTP 503 Service Unavailable for http://h/x.git: the server is down or overloaded")]
    [InlineData("fatal: unable to access 'http://h/x.git/': The requested URL returned error: 502\n", GitErrorKind.ServerError,
        "the git server answered HTTP 502 Bad Gateway for http://h/x.git: a gateway in front of the server could not reach it")]
    [InlineData("fatal: unable to access 'http://h/x.git/': The requested URL returned error: 500\n", GitErrorKind.ServerError,
        "the git server answered HTTP 500 Internal Server Error for http://h/x.git: the server failed on its side")]
    [InlineData("fatal: unable to access 'http://h/x.git/': Failed to connect to h port 80 after 3 ms: Couldn't connect to server\n", GitErrorKind.ConnectionFailed,
        "could not connect to http://h/x.git: the server is unreachable (Failed to connect to h port 80: Couldn't connect to server)")]
    [InlineData("fatal: could not read Username for 'http://h': terminal prompts disabled\n", GitErrorKind.AuthenticationFailed,
        "authentication failed for http://h/x.git: the server rejected the credentials")]
    [InlineData("fatal: unable to access 'http://h/x.git/': The requested URL returned error: 403\n", GitErrorKind.AuthenticationFailed,
        "authentication failed for http://h/x.git: the server denied access (HTTP 403 Forbidden)")]
    [InlineData("fatal: repository 'http://h/x.git/' not found\n", GitErrorKind.RepositoryNotFound, "repository not found: http://h/x.git")]
    public void Known_failures_read_as_one_sentence_without_git_stderr(string stderr, GitErrorKind kind, string message)
    {
        var error = GitErrors.FromFailure(GitCommand.Create(["ls-remote"], new GitCredential("bob", "pw-9f2"), false), "http://h/x.git", 128, stderr);

        error.Kind.ShouldBe(kind);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void A_refusal_without_credentials_says_that_none_were_given() =>
        GitErrors.FromFailure(GitCommand.Create(["ls-remote"], null, false), "http://h/x.git", 128, "fatal: could not read Username for 'http://h': terminal prompts disabled")
            .Message.ShouldBe("authentication failed for http://h/x.git: the server requires credentials and none were given");
}
