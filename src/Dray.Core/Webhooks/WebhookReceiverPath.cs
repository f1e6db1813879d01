using System.Security.Cryptography;
using System.Text;

namespace Dray.Core.Webhooks;

/// <summary>
/// A receiver's URL path: <c>/webhooks/&lt;type&gt;/&lt;token&gt;</c>, where the token is the hex SHA-256 of the project,
/// the receiver name and the secret, concatenated as Kargo does. Deterministic, so a restart keeps every URL; rotating
/// the secret changes it, and the old URL stops working at once.
/// </summary>
public static class WebhookReceiverPath
{
    public const string Prefix = "/webhooks";

    public static string Token(string project, string receiverName, string secret)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(receiverName);
        ArgumentNullException.ThrowIfNull(secret);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(project + receiverName + secret));
        return Convert.ToHexStringLower(hash);
    }

    public static string For(string type, string project, string receiverName, string secret) =>
        $"{Prefix}/{type}/{Token(project, receiverName, secret)}";

    /// <summary>Compares a presented token with the expected one in constant time.</summary>
    public static bool TokenEquals(string expected, string presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(presented);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented.ToLowerInvariant()));
    }
}
