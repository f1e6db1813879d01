using CsCheck;

namespace Dray.Storage.Sqlite.Tests;

public sealed class ContinueTokenTests
{
    [Fact]
    public void Every_key_survives_a_round_trip() =>
        Gen.Select(Gen.String, Gen.String.Where(s => s.Length > 0)).Sample((ns, name) =>
            ContinueToken.Decode(new ContinueToken(ns, name).Encode()) == new ContinueToken(ns, name));

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8")]
    [InlineData("WyJ2MiIsIm5zIiwibmFtZSJd")]
    [InlineData("WyJ2MSIsIm5zIiwiIl0")]
    [InlineData("bnVsbA")]
    public void A_token_the_store_did_not_issue_is_rejected(string token) =>
        Should.Throw<ArgumentException>(() => ContinueToken.Decode(token));
}
