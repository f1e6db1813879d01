using Dray.Core.Manifests.Checks;
using Dray.Core.Manifests.Legacy;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Manifests;

/// <summary>
/// Reads, converts and validates a set of manifest files as one unit: every error of every document is collected,
/// including checks across documents and against the store, before anything is written.
/// </summary>
public sealed class ManifestPipeline(IResourceStore store, IManifestSchemaProvider schemas)
{
    /// <summary>The documents in today's form, in write order (Projects first), plus the conversion warnings.</summary>
    /// <exception cref="ManifestException">Any document is invalid.</exception>
    public async Task<(IReadOnlyList<PreparedManifest> Manifests, IReadOnlyList<ManifestWarning> Warnings)> PrepareAsync(
        IReadOnlyList<ManifestSource> files, string? defaultProject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var diagnostics = new ManifestDiagnostics();
        var documents = files.SelectMany(f => ManifestReader.Read(f, diagnostics)).ToList();
        var origins = new StageOriginResolver();
        var kinds = new Dictionary<ManifestDocument, ResourceKind>();
        // A document whose conversion failed is still in its old form: its schema errors would only be noise.
        var unconverted = new HashSet<ManifestDocument>();
        void Convert(ManifestDocument document)
        {
            var before = diagnostics.Errors.Count;
            LegacyConverter.Convert(document, diagnostics, origins);
            if (diagnostics.Errors.Count > before)
            {
                unconverted.Add(document);
            }
        }

        foreach (var document in documents)
        {
            DocumentHeader.StripServerFields(document);
            EnvVarCheck.Check(document, diagnostics);
            if (document.Kind != ResourceKinds.Stage.Kind)
            {
                Convert(document);
            }

            if (document.Kind == "Namespace" && document.ApiVersion == "v1")
            {
                continue; // not a project Namespace; the converter said so
            }

            if (DocumentHeader.ResolveKind(document, diagnostics) is { } kind
                && DocumentHeader.CheckMetadata(document, kind, defaultProject, diagnostics))
            {
                kinds[document] = kind;
            }
        }

        var valid = documents.Where(kinds.ContainsKey).ToList();
        var stages = valid.Where(d => kinds[d] == ResourceKinds.Stage).ToList();
        foreach (var stage in stages)
        {
            origins.Add(stage.Namespace!, stage.Name, stage.Json);
        }

        var storedStages = await LoadStoredStagesAsync(stages.Select(s => s.Namespace!).Distinct(StringComparer.Ordinal), cancellationToken);
        foreach (var stored in storedStages)
        {
            origins.Add(stored.Namespace!, stored.Name, stored.Json);
        }

        foreach (var stage in stages)
        {
            Convert(stage);
        }

        foreach (var document in valid.Where(d => !unconverted.Contains(d)))
        {
            DocumentHeader.Validate(document, schemas.For(kinds[document]), diagnostics);
            SemanticChecks.Check(document, diagnostics);
        }

        CheckDuplicates(valid, kinds, diagnostics);
        CheckStageCycles(stages, storedStages, diagnostics);
        await CheckProjectsExistAsync(valid, kinds, diagnostics, cancellationToken);
        diagnostics.ThrowIfAny();

        var order = ResourceKinds.All.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var prepared = valid
            .Select((d, i) => (Manifest: new PreparedManifest(kinds[d], d, new ResourceDocument(d.Json)), Index: i))
            .OrderBy(x => order.GetValueOrDefault(x.Manifest.Kind, int.MaxValue)).ThenBy(x => x.Index)
            .Select(x => x.Manifest).ToList();
        return (prepared, diagnostics.Warnings);
    }

    private async Task<List<ResourceDocument>> LoadStoredStagesAsync(IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var result = new List<ResourceDocument>();
        foreach (var ns in namespaces)
        {
            string? token = null;
            do
            {
                var page = await store.ListAsync(new ListQuery(ResourceKinds.Stage.Kind, ns, 500, token), cancellationToken);
                result.AddRange(page.Items);
                token = page.ContinueToken;
            }
            while (token is not null);
        }

        return result;
    }

    private static void CheckDuplicates(List<ManifestDocument> documents, Dictionary<ManifestDocument, ResourceKind> kinds, ManifestDiagnostics diagnostics)
    {
        var seen = new Dictionary<ResourceKey, ManifestDocument>();
        foreach (var document in documents)
        {
            var key = new ResourceKey(kinds[document].Kind, kinds[document].Namespaced ? document.Namespace : null, document.Name);
            if (seen.TryGetValue(key, out var first))
            {
                var (line, _) = first.Map.Find("");
                diagnostics.Add(document.Error("metadata.name",
                    $"{document.Describe()} appears twice in this apply (first at {first.File ?? "<stdin>"}:{line})"));
            }
            else
            {
                seen[key] = document;
            }
        }
    }

    private static void CheckStageCycles(List<ManifestDocument> stages, List<ResourceDocument> stored, ManifestDiagnostics diagnostics)
    {
        foreach (var group in stages.GroupBy(s => s.Namespace!, StringComparer.Ordinal))
        {
            var graph = new StageGraph();
            foreach (var stage in group)
            {
                graph.AddApplied(stage);
            }

            foreach (var document in stored.Where(s => s.Namespace == group.Key))
            {
                graph.AddStored(document.Name, document.Json);
            }

            graph.ReportCycles(diagnostics);
        }
    }

    private async Task CheckProjectsExistAsync(List<ManifestDocument> documents, Dictionary<ManifestDocument, ResourceKind> kinds,
        ManifestDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        var applied = documents.Where(d => kinds[d] == ResourceKinds.Project).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => kinds[d].Namespaced))
        {
            var project = document.Namespace!;
            if (applied.Contains(project))
            {
                continue;
            }

            if (!known.TryGetValue(project, out var exists))
            {
                exists = await store.GetAsync(new ResourceKey(ResourceKinds.Project.Kind, null, project), cancellationToken) is not null;
                known[project] = exists;
            }

            if (!exists)
            {
                diagnostics.Add(document.Error("metadata.namespace",
                    $"project \"{project}\" does not exist; create it first or include a Project named \"{project}\" in this apply"));
            }
        }
    }
}
