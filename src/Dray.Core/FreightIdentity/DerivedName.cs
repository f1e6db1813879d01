namespace Dray.Core.FreightIdentity;

/// <summary>
/// Names of the form <c>lower(&lt;prefix&gt;.&lt;ULID&gt;.&lt;hash[:7]&gt;)</c>. The ULID makes names sort in creation
/// order; the prefix is cut so the name fits Kubernetes' 253-character limit.
/// </summary>
internal static class DerivedName
{
    public const int MaxLength = 253;
    public const int ShortHashLength = 7;
    public const int UlidLength = 26;
    public const int MaxPrefixLength = MaxLength - 1 - UlidLength - 1 - ShortHashLength;

    public static string Create(string prefix, Ulid id, string hash)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(hash);
        if (prefix.Length > MaxPrefixLength)
        {
            // A cut can leave a trailing separator, which would make an invalid DNS subdomain.
            prefix = prefix[..MaxPrefixLength].TrimEnd('.', '-');
        }

        var shortHash = hash.Length > ShortHashLength ? hash[..ShortHashLength] : hash;
        return $"{prefix}.{id}.{shortHash}".ToLowerInvariant();
    }
}
