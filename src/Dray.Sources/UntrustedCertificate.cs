using System.Security.Authentication;

namespace Dray.Sources;

/// <summary>
/// Recognises an HTTPS request that failed because the server's certificate was rejected, and says so in words with
/// the two ways forward. Such a failure is not transient: retrying cannot make the certificate trusted.
/// </summary>
internal static class UntrustedCertificate
{
    public const string Remedy = "trust its CA on the Dray host or set insecureSkipTLSVerify: true on the subscription";

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) is a rejected server certificate.</summary>
    public static bool Is(Exception? exception) => Reason(exception) is not null;

    /// <summary>Why the certificate was rejected (<c>self-signed or issued by an unknown CA</c>), or null if it was not.</summary>
    public static string? Reason(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException && e.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase))
            {
                return Describe(e.Message);
            }
        }

        return null;
    }

    // .NET names the failed checks only in the message text (RemoteCertificateChainErrors: UntrustedRoot, ...).
    private static string Describe(string message) =>
        message.Contains("UntrustedRoot", StringComparison.Ordinal) || message.Contains("PartialChain", StringComparison.Ordinal)
            ? "self-signed or issued by an unknown CA"
            : message.Contains("NameMismatch", StringComparison.Ordinal)
                ? "issued for another host name"
                : message.Contains("NotTimeValid", StringComparison.Ordinal)
                    ? "expired or not yet valid"
                    : message.TrimEnd('.');
}
