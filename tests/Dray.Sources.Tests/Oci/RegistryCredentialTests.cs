using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class RegistryCredentialTests
{
    [Fact]
    public void Never_shows_the_password()
    {
        var credential = new RegistryCredential("alice", "s3cr3t-Pa55");
        var connection = new RegistryConnection(ImageReference.Parse("ghcr.io/a/b"), credential);

        credential.ToString().ShouldNotContain("s3cr3t-Pa55");
        credential.ToString().ShouldContain("alice");
        connection.ToString().ShouldNotContain("s3cr3t-Pa55");
        credential.Fingerprint.ShouldNotContain("s3cr3t-Pa55");
    }

    [Fact]
    public void Equality_and_fingerprint_follow_both_parts()
    {
        var a = new RegistryCredential("alice", "one");

        a.ShouldBe(new RegistryCredential("alice", "one"));
        a.ShouldNotBe(new RegistryCredential("alice", "two"));
        a.Fingerprint.ShouldBe(new RegistryCredential("alice", "one").Fingerprint);
        a.Fingerprint.ShouldNotBe(new RegistryCredential("alice", "two").Fingerprint);
        a.BasicHeaderValue().ShouldBe(Convert.ToBase64String("alice:one"u8.ToArray()));
    }
}
