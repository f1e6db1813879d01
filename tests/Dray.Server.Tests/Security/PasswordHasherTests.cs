using Dray.Server.Security;

namespace Dray.Server.Tests.Security;

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_uses_a_fresh_salt()
    {
        var first = PasswordHasher.Hash("s3cret");
        var second = PasswordHasher.Hash("s3cret");

        first.ShouldStartWith("pbkdf2-sha256$600000$");
        first.ShouldNotBe(second);
        PasswordHasher.Verify("s3cret", first).ShouldBeTrue();
        PasswordHasher.Verify("s3cret", second).ShouldBeTrue();
        PasswordHasher.Verify("s3cret!", first).ShouldBeFalse();
        first.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$600000$notbase64!$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    public void Malformed_hashes_never_verify(string encoded) => PasswordHasher.Verify("anything", encoded).ShouldBeFalse();
}
