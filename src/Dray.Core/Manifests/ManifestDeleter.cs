using Dray.Core.Manifests.Legacy;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Manifests;

/// <summary>
/// <c>dray delete -f</c>: resolves each document to the key of the resource it describes (legacy forms included:
/// a project Namespace names a Project) and deletes them all in one commit, dependents first.
/// Only identity is checked; a document whose spec is invalid can still be deleted.
/// </summary>
public sealed class ManifestDeleter(IResourceStore store)
{
    /// <exception cref="ManifestException">A document does not name a resource.</exception>
    public static IReadOnlyList<ResourceKey> ResolveKeys(IReadOnlyList<ManifestSource> files, string? defaultProject)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new ManifestDiagnostics();
        var keys = new List<ResourceKey>();
        var origins = new StageOriginResolver();
        foreach (var document in files.SelectMany(f => ManifestReader.Read(f, diagnostics)))
        {
            if (document.Kind == "Namespace")
            {
                LegacyConverter.Convert(document, diagnostics, origins);
                if (document.Kind == "Namespace")
                {
                    continue;
                }
            }

            if (DocumentHeader.ResolveKind(document, diagnostics) is { } kind
                && DocumentHeader.CheckMetadata(document, kind, defaultProject, diagnostics))
            {
                var key = new ResourceKey(kind.Kind, kind.Namespaced ? document.Namespace : null, document.Name);
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        diagnostics.ThrowIfAny();
        var order = ResourceKinds.All.Select((k, i) => (k.Kind, i)).ToDictionary(x => x.Kind, x => x.i, StringComparer.Ordinal);
        return [.. keys.Select((k, i) => (Key: k, Index: i)).OrderByDescending(x => order.GetValueOrDefault(x.Key.Kind)).ThenBy(x => x.Index).Select(x => x.Key)];
    }

    /// <exception cref="ManifestException">A document does not name a resource; nothing was deleted.</exception>
    public async Task<IReadOnlyList<DeleteResult>> DeleteAsync(IReadOnlyList<ManifestSource> files, string? defaultProject, CancellationToken cancellationToken)
    {
        var keys = ResolveKeys(files, defaultProject);
        if (keys.Count == 0)
        {
            return [];
        }

        var operations = keys.Select(k => new WriteOperation(WriteOperationType.Delete, Stub(k))).ToList();
        var results = await store.CommitAsync(operations, cancellationToken);
        return [.. keys.Zip(results, (k, r) => new DeleteResult(k, r.Outcome == WriteOutcome.Deleted))];
    }

    private static ResourceDocument Stub(ResourceKey key)
    {
        var kind = ResourceKinds.FindByKind(key.Kind)!;
        var document = new ResourceDocument(new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = kind.ApiVersion, ["kind"] = kind.Kind })
        {
            Name = key.Name,
        };
        if (key.Namespace is not null)
        {
            document.Namespace = key.Namespace;
        }

        return document;
    }
}
