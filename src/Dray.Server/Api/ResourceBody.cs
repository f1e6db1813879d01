using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>
/// Reads one document from a create/update request body (JSON or YAML) and validates it with the same manifest
/// pipeline as apply, so the CRUD routes cannot store what <c>dray apply</c> would reject.
/// </summary>
public static class ResourceBody
{
    public static async Task<(JsonObject? Json, ProblemHttpResult? Problem)> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = new ManifestDiagnostics();
        var documents = ManifestReader.Read(new ManifestSource(null, text), diagnostics);
        if (diagnostics.HasErrors)
        {
            return (null, Problems.Manifest(diagnostics.Sorted()));
        }

        return documents.Count == 1 ? (documents[0].Json, null) : (null, Problems.BadRequest("The body must hold exactly one document."));
    }

    /// <summary>Parses, defaults kind/apiVersion/namespace from the URL, checks them, then validates.</summary>
    public static async Task<(ResourceDocument? Document, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, ResourceKind kind, string? project, IResourceStore store, IManifestSchemaProvider schemas, CancellationToken cancellationToken)
    {
        var (json, problem) = await ParseAsync(request, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return (null, problem);
        }

        var (document, error) = ToDocument(json, kind, project);
        if (document is null)
        {
            return (null, Problems.BadRequest(error));
        }

        return await ValidateAsync(document, project, store, schemas, cancellationToken).ConfigureAwait(false);
    }

    public static (ResourceDocument? Document, string Error) ToDocument(JsonObject json, ResourceKind kind, string? project)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(kind);
        var document = new ResourceDocument(json);
        if (document.Kind.Length == 0)
        {
            json["kind"] = kind.Kind;
        }

        if (document.ApiVersion.Length == 0)
        {
            json["apiVersion"] = kind.ApiVersion;
        }

        if (document.Kind != kind.Kind || document.ApiVersion != kind.ApiVersion)
        {
            return (null, $"This endpoint takes {kind.ApiVersion} {kind.Kind}, not {document.ApiVersion} {document.Kind}.");
        }

        if (document.Name.Length == 0)
        {
            return (null, "metadata.name is required.");
        }

        if (document.Namespace is { } ns && ns != project)
        {
            return (null, project is null
                ? $"{kind.Kind} is cluster-scoped; remove metadata.namespace."
                : $"metadata.namespace \"{ns}\" does not match project \"{project}\" in the URL.");
        }

        if (project is not null)
        {
            document.Namespace = project;
        }

        return (document, "");
    }

    /// <summary>Runs the manifest pipeline on the document; keeps the caller's resourceVersion for conflict checks.</summary>
    public static async Task<(ResourceDocument? Document, ProblemHttpResult? Problem)> ValidateAsync(
        ResourceDocument document, string? project, IResourceStore store, IManifestSchemaProvider schemas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var resourceVersion = document.ResourceVersion;
        try
        {
            var (manifests, _) = await new ManifestPipeline(store, schemas)
                .PrepareAsync([new ManifestSource(null, document.ToJsonString())], project, cancellationToken).ConfigureAwait(false);
            var prepared = manifests.Single().Document;
            if (resourceVersion != 0)
            {
                prepared.ResourceVersion = resourceVersion;
            }

            return (prepared, null);
        }
        catch (ManifestException e)
        {
            return (null, Problems.Manifest(e.Errors));
        }
    }
}
