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
}
