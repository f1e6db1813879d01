using Dray.Core.Resources;

namespace Dray.Core.Manifests;

/// <summary>A validated document in today's form, ready to store.</summary>
public sealed record PreparedManifest(ResourceKind Kind, ManifestDocument Source, ResourceDocument Document);
