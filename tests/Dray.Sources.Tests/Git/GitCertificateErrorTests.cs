using Dray.Sources.Git;

namespace Dray.Sources.Tests.Git;

/// <summary>libcurl words a rejected certificate differently with GnuTLS and OpenSSL; both become one clear error.</summary>
public sealed class GitCertificateErrorTests
{
    private const string Remote = "https://git.example.com/x.git";
    private const string Remedy = "trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription";

    [Theory]
    [InlineData(
        "fatal: unable to access 'https://git.example.com/x.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
        "server certificate verification failed")]
    [InlineData(
        "fatal: unable to access 'https://git.example.com/x.git/': SSL certificate problem: self-signed certificate",
        "SSL certificate problem: self-signed certificate")]
    [InlineData(
        "fatal: unable to access 'https://git.example.com/x.git/': SSL certificate problem: unable to get local issuer certificate",
        "SSL certificate problem: unable to get local issuer certificate")]
    public void A_rejected_certificate_says_so_and_how_to_proceed(string stderr, string reason)
    {
        var error = GitErrors.FromFailure(GitCommand.Create(["ls-remote"], null, false), Remote, 128, stderr);

        error.Kind.ShouldBe(GitErrorKind.UntrustedCertificate);
        error.Message.ShouldBe($"the TLS certificate of {Remote} is not trusted ({reason}): {Remedy}");
    }

    [Fact]
    public void A_refused_connection_is_still_a_connection_failure()
    {
        var error = GitErrors.FromFailure(
            GitCommand.Create(["ls-remote"], null, false), Remote, 128, "fatal: unable to access 'https://git.example.com/x.git/': Failed to connect to git.example.com port 443: Connection refused");

        error.Kind.ShouldBe(GitErrorKind.ConnectionFailed);
    }
}
