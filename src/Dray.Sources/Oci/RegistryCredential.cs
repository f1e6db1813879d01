using System.Security.Cryptography;
using System.Text;

namespace Dray.Sources.Oci;

/// <summary>
/// A username/password for one registry. The password never leaves this object except as the
/// Authorization header value; <see cref="ToString"/> and every derived key are redacted.
/// </summary>
public sealed class RegistryCredential : IEquatable<RegistryCredential>
{
    private readonly string _password;

    public RegistryCredential(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        _password = password;
        Fingerprint = ComputeFingerprint(username, password);
    }

    public string Username { get; }

    /// <summary>A one-way identifier used in cache and rate limiter keys so the secret is never a key.</summary>
    internal string Fingerprint { get; }

    internal string BasicHeaderValue() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + _password));

    public bool Equals(RegistryCredential? other) =>
        other is not null && Username == other.Username && _password == other._password;

    public override bool Equals(object? obj) => Equals(obj as RegistryCredential);

    public override int GetHashCode() => Fingerprint.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"RegistryCredential {{ Username = {Username}, Password = *** }}";

    private static string ComputeFingerprint(string username, string password)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(username + "\0" + password));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
