using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Server.Manifests;

/// <summary>
/// Adapts the manifest pipeline in Dray.Core (<see cref="ManifestApplier"/>, <see cref="ManifestDeleter"/>) to the
/// endpoints. It is given the server's store, so Secret values pass through the encrypting decorator.
/// </summary>
public sealed class CoreManifestApplier(IResourceStore store, IManifestSchemaProvider schemas) : IManifestApplier
{
    public Task<IReadOnlyList<ResourceKey>> ResolveAsync(IReadOnlyList<ManifestSource> files, CancellationToken cancellationToken) =>
        Task.FromResult(ManifestDeleter.ResolveKeys(files, defaultProject: null));

    public async Task<ManifestApplyResult> ApplyAsync(IReadOnlyList<ManifestSource> files, bool dryRun, CancellationToken cancellationToken)
    {
        var report = await new ManifestApplier(store, schemas).ApplyAsync(files, new ApplyOptions(DefaultProject: null, DryRun: dryRun), cancellationToken)
            .ConfigureAwait(false);
        return new ManifestApplyResult(
            [.. report.Results.Select(r => new ManifestItemResult(r.Kind, r.Namespace, r.Name, ActionName(r.Action)))],
            report.Warnings);
    }

    public async Task<IReadOnlyList<ManifestItemResult>> DeleteAsync(IReadOnlyList<ManifestSource> files, CancellationToken cancellationToken)
    {
        var results = await new ManifestDeleter(store).DeleteAsync(files, defaultProject: null, cancellationToken).ConfigureAwait(false);
        return [.. results.Select(r => new ManifestItemResult(r.Key.Kind, r.Key.Namespace, r.Key.Name, r.Deleted ? "deleted" : "notfound"))];
    }

    private static string ActionName(ApplyAction action) => action switch
    {
        ApplyAction.Created => "created",
        ApplyAction.Unchanged => "unchanged",
        _ => "configured",
    };
}
