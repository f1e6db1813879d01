using System.Collections.Concurrent;

namespace Dray.Sources.Oci;

/// <summary>Bearer tokens keyed by (token service, credential, scope), kept until shortly before they expire.</summary>
public sealed class RegistryTokenCache
{
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public RegistryTokenCache(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public static string Key(string service, RegistryCredential? credential, string scope) =>
        $"{service}|{credential?.Fingerprint ?? "anonymous"}|{scope}";

    public bool TryGet(string key, out string token)
    {
        if (_tokens.TryGetValue(key, out var cached) && cached.ExpiresAt > _timeProvider.GetUtcNow())
        {
            token = cached.Token;
            return true;
        }

        token = string.Empty;
        return false;
    }

    public void Put(string key, string token, DateTimeOffset expiresAt) => _tokens[key] = new CachedToken(token, expiresAt);

    public void Remove(string key) => _tokens.TryRemove(key, out _);

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);
}
