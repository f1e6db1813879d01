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
}
