namespace Dray.Core.Storage;

/// <summary>
/// A persistent key-value store for data that can always be fetched again, such as registry metadata keyed by
/// digest. Values are opaque text; an entry may disappear at any time, but a stored entry is never changed
/// behind the writer's back. Areas keep unrelated users apart.
/// </summary>
public interface ICacheStore
{
    ValueTask<string?> GetAsync(string area, string key, CancellationToken cancellationToken);

    /// <summary>Stores or replaces one entry.</summary>
    ValueTask PutAsync(string area, string key, string value, CancellationToken cancellationToken);
}
