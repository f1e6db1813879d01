using Dray.Core.Resources;

namespace Dray.Core.Storage;

public abstract class ResourceStoreException : Exception
{
    protected ResourceStoreException(ResourceKey key, string message)
        : base(message) => Key = key;

    public ResourceKey Key { get; }
}

public sealed class ResourceNotFoundException(ResourceKey key)
    : ResourceStoreException(key, $"{key.Kind} \"{key.Name}\" not found" + (key.Namespace is null ? "" : $" in project \"{key.Namespace}\""));

public sealed class ResourceAlreadyExistsException(ResourceKey key)
    : ResourceStoreException(key, $"{key.Kind} \"{key.Name}\" already exists" + (key.Namespace is null ? "" : $" in project \"{key.Namespace}\""));

public sealed class ResourceConflictException(ResourceKey key, long expected, long actual)
    : ResourceStoreException(key, $"{key.Kind} \"{key.Name}\" was modified concurrently: expected resourceVersion {expected}, found {actual}; read it again and retry")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
