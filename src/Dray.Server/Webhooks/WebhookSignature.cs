using System.Security.Cryptography;
using System.Text;

namespace Dray.Server.Webhooks;

/// <summary>Signature and token checks, all in constant time with respect to the secret.</summary>
public static class WebhookSignature
{
    /// <summary>
    /// True when <paramref name="presented"/> is the hex HMAC-SHA256 of the body under the secret, optionally
    /// prefixed (<c>sha256=</c>). Hex case does not matter.
    /// </summary>
    public static bool HmacSha256Matches(string? presented, byte[] body, string secret, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secret);
        if (presented is null || !presented.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = presented.AsSpan(prefix.Length).Trim();
        var given = new byte[hex.Length / 2];
        if (hex.Length % 2 != 0 || Convert.FromHexString(hex, given, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signature a provider would send: lower-case hex HMAC-SHA256 of the body.</summary>
    public static string HmacSha256Hex(byte[] body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Plain token equality (GitLab, Harbor), compared over SHA-256 digests so that length leaks nothing.</summary>
    public static bool TokenMatches(string? presented, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
