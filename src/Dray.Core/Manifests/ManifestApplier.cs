using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Manifests;

/// <summary>
/// <c>dray apply</c>: validates every document of every file, then stores them all in one atomic commit
/// (Projects first), or nothing at all when any document is invalid.
/// </summary>
public sealed class ManifestApplier(IResourceStore store, IManifestSchemaProvider schemas)
{
    /// <exception cref="ManifestException">Any document is invalid; nothing was stored.</exception>
    public async Task<ApplyReport> ApplyAsync(IReadOnlyList<ManifestSource> files, ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (manifests, warnings) = await new ManifestPipeline(store, schemas).PrepareAsync(files, options.DefaultProject, cancellationToken);
        if (manifests.Count == 0)
        {
            return new ApplyReport([], warnings);
        }

        if (options.DryRun)
        {
            var predicted = new List<ApplyResult>();
            foreach (var manifest in manifests)
            {
                var stored = await store.GetAsync(manifest.Document.Key, cancellationToken);
                var action = stored is null ? ApplyAction.Created : SameContent(stored, manifest.Document) ? ApplyAction.Unchanged : ApplyAction.Configured;
                predicted.Add(Result(manifest, action));
            }

            return new ApplyReport(predicted, warnings);
        }

        var operations = manifests.Select(m => new WriteOperation(WriteOperationType.Upsert, m.Document)).ToList();
        var written = await store.CommitAsync(operations, cancellationToken);
        var results = manifests.Zip(written, (m, w) => Result(m, w.Outcome switch
        {
            WriteOutcome.Created => ApplyAction.Created,
            WriteOutcome.Unchanged => ApplyAction.Unchanged,
            _ => ApplyAction.Configured,
        })).ToList();
        return new ApplyReport(results, warnings);
    }

    private static ApplyResult Result(PreparedManifest manifest, ApplyAction action) =>
        new(manifest.Kind.Kind, manifest.Document.Namespace, manifest.Document.Name, action);

    /// <summary>The store's notion of "nothing changed": labels, annotations and everything outside metadata and status.</summary>
    internal static bool SameContent(ResourceDocument stored, ResourceDocument applied)
    {
        static JsonObject Content(ResourceDocument d)
        {
            var copy = (JsonObject)d.Json.DeepClone();
            copy.Remove("status");
            copy.Remove("apiVersion");
            copy.Remove("kind");
            copy["metadata"] = new JsonObject
            {
                ["labels"] = (d.Metadata["labels"] as JsonObject ?? []).DeepClone(),
                ["annotations"] = (d.Metadata["annotations"] as JsonObject ?? []).DeepClone(),
            };
            return copy;
        }

        return JsonNode.DeepEquals(Content(stored), Content(applied));
    }
}
