using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Server.Api;

/// <summary>Reads one document from a create/update request body (JSON).</summary>
public static class ResourceBody
{
    public static async Task<(ResourceDocument? Document, string Error)> ReadAsync(HttpRequest request, ResourceKind kind, string? project, CancellationToken cancellationToken)
    {
        var (json, error) = await ParseAsync(request, cancellationToken).ConfigureAwait(false);
        return json is null ? (null, error) : ToDocument(json, kind, project);
    }

    public static async Task<(JsonObject? Json, string Error)> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: line {e.LineNumber + 1}: {e.Message.Split('.')[0]}.");
        }

        return node is JsonObject json ? (json, "") : (null, "The body must be one JSON object.");
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
}
