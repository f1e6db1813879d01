using System.Text;
using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class RegistryTokenServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{\"token\":\"t1\",\"expires_in\":300,\"issued_at\":\"2025-06-01T11:59:00Z\"}", "t1", "2025-06-01T12:04:00Z")]
    [InlineData("{\"access_token\":\"t2\"}", "t2", "2025-06-01T12:01:00Z")]
    [InlineData("{\"token\":\"t3\",\"access_token\":\"ignored\",\"expires_in\":0}", "t3", "2025-06-01T12:01:00Z")]
    public void Reads_token_and_expiry(string json, string token, string expiresAt)
    {
        var (parsedToken, parsedExpiry) = RegistryTokenService.ParseTokenResponse(Encoding.UTF8.GetBytes(json), Now, "r");

        parsedToken.ShouldBe(token);
        parsedExpiry.ShouldBe(DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("{}", "returned no token")]
    [InlineData("not json", "invalid JSON")]
    public void Rejects_unusable_responses(string json, string message)
    {
        Should.Throw<RegistryException>(() => RegistryTokenService.ParseTokenResponse(Encoding.UTF8.GetBytes(json), Now, "r"))
            .Message.ShouldContain(message);
    }
}
