using Dray.Core.Manifests;
using Dray.Core.Resources;

namespace Dray.Server.Manifests;

/// <summary>
/// What the apply/delete endpoints need from the manifest pipeline. Every method throws
/// <see cref="Dray.Core.Manifests.ManifestException"/> for invalid manifests, having stored nothing.
/// </summary>
public interface IManifestApplier
{
    /// <summary>Parses and validates, returning the key of every document, so the caller can authorise each one.</summary>
    Task<IReadOnlyList<ResourceKey>> ResolveAsync(IReadOnlyList<ManifestSource> files, CancellationToken cancellationToken);

    /// <summary>Creates or updates every document, all or nothing.</summary>
    Task<ManifestApplyResult> ApplyAsync(IReadOnlyList<ManifestSource> files, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Deletes every document the manifests name.</summary>
    Task<IReadOnlyList<ManifestItemResult>> DeleteAsync(IReadOnlyList<ManifestSource> files, CancellationToken cancellationToken);
}
