using System.Security.Cryptography;
using System.Text;

namespace Dray.Server.Security;

/// <summary>Bearer tokens: 32 random bytes, shown once; only their SHA-256 is stored.</summary>
public static class SecretTokens
{
    public const string Prefix = "dray_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Generated admin passwords: 18 random bytes, URL-safe.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(18));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
