using Dray.Core.Resources;

namespace Dray.Core.Manifests;

/// <param name="Key">The resource a document named.</param>
/// <param name="Deleted">True when it existed and was deleted; false when it was not found.</param>
public sealed record DeleteResult(ResourceKey Key, bool Deleted);
