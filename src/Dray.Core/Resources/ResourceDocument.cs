using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dray.Core.Resources;

/// <summary>
/// One Kargo-shaped document (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, then <c>spec</c>/<c>status</c> or,
/// for Freight, top-level data fields). The store keeps documents as JSON; typed records are views over them.
/// </summary>
public sealed class ResourceDocument
{
    public ResourceDocument(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
    }

    public JsonObject Json { get; }

    public string ApiVersion => (string?)Json["apiVersion"] ?? "";

    public string Kind => (string?)Json["kind"] ?? "";

    public JsonObject Metadata => Json["metadata"] as JsonObject ?? (JsonObject)(Json["metadata"] = new JsonObject());

    public string Name
    {
        get => (string?)Metadata["name"] ?? "";
        set => Metadata["name"] = value;
    }

    /// <summary>The project the resource belongs to (Kubernetes namespace), or null for cluster-scoped kinds.</summary>
    public string? Namespace
    {
        get => (string?)Metadata["namespace"];
        set => Metadata["namespace"] = value;
    }

    /// <summary>The store revision that last wrote this document; 0 when the document was never stored.</summary>
    public long ResourceVersion
    {
        get => long.TryParse((string?)Metadata["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;
        set => Metadata["resourceVersion"] = value.ToString(CultureInfo.InvariantCulture);
    }

    public long Generation
    {
        get => Metadata["generation"] is JsonValue v && v.TryGetValue<long>(out var g) ? g : 0;
        set => Metadata["generation"] = value;
    }

    public JsonObject? Spec => Json["spec"] as JsonObject;

    public JsonObject? Status => Json["status"] as JsonObject;

    public ResourceKey Key => new(Kind, Namespace, Name);

    public string? GetLabel(string key) => (string?)(Metadata["labels"] as JsonObject)?[key];

    public string? GetAnnotation(string key) => (string?)(Metadata["annotations"] as JsonObject)?[key];

    public void SetLabel(string key, string? value) => SetMapEntry("labels", key, value);

    public void SetAnnotation(string key, string? value) => SetMapEntry("annotations", key, value);

    public IReadOnlyDictionary<string, string> Labels =>
        (Metadata["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public ResourceDocument Clone() => new((JsonObject)Json.DeepClone());

    public string ToJsonString() => Json.ToJsonString();

    public static ResourceDocument Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A resource document must be a JSON object."));

    /// <summary>Deserializes the document into a typed model record.</summary>
    public T As<T>(JsonSerializerOptions options) => Json.Deserialize<T>(options) ?? throw new JsonException($"Document {Key} is empty.");

    private void SetMapEntry(string map, string key, string? value)
    {
        if (Metadata[map] is not JsonObject obj)
        {
            if (value is null)
            {
                return;
            }

            obj = new JsonObject();
            Metadata[map] = obj;
        }

        if (value is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj[key] = value;
        }
    }
}
