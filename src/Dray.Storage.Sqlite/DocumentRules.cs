using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Storage.Sqlite;

/// <summary>
/// The pure write rules of <see cref="IResourceStore"/>: what a create, update, status update or delete stores,
/// and when a write changes nothing. Kept apart from SQL so the rules read as the interface remarks do.
/// </summary>
internal static class DocumentRules
{
    private static readonly string[] ServerManagedMetadata = ["resourceVersion", "uid", "creationTimestamp", "generation"];

    public static ResourceDocument Create(ResourceDocument incoming, long revision, TimeProvider time)
    {
        var created = incoming.Clone();
        var metadata = created.Metadata;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        created.Generation = 1;
        created.ResourceVersion = revision;
        return created;
    }

    /// <summary>Returns the document to store, or null when the update changes nothing.</summary>
    public static ResourceDocument? Update(ResourceDocument incoming, ResourceDocument stored, long revision)
    {
        EnsureExpectedVersion(incoming.Key, incoming.ResourceVersion, stored.ResourceVersion);
        var updated = incoming.Clone();
        SetOrRemove(updated.Json, "status", stored.Json["status"]?.DeepClone());
        CopyServerManagedMetadata(stored, updated);

        var bodyChanged = !JsonNode.DeepEquals(WithoutMetadataAndStatus(updated), WithoutMetadataAndStatus(stored));
        var metadataChanged = !JsonNode.DeepEquals(UserMetadata(updated), UserMetadata(stored));
        if (!bodyChanged && !metadataChanged)
        {
            return null;
        }

        updated.Generation = stored.Generation + (bodyChanged ? 1 : 0);
        updated.ResourceVersion = revision;
        return updated;
    }

    /// <summary>Returns the document to store, or null when the status is unchanged.</summary>
    public static ResourceDocument? UpdateStatus(ResourceDocument incoming, ResourceDocument stored, long revision)
    {
        EnsureExpectedVersion(incoming.Key, incoming.ResourceVersion, stored.ResourceVersion);
        var newStatus = NullIfEmpty(incoming.Json["status"]);
        if (JsonNode.DeepEquals(newStatus, NullIfEmpty(stored.Json["status"])))
        {
            return null;
        }

        var updated = stored.Clone();
        SetOrRemove(updated.Json, "status", newStatus?.DeepClone());
        updated.ResourceVersion = revision;
        return updated;
    }

    public static void EnsureExpectedVersion(ResourceKey key, long expected, long actual)
    {
        if (expected != 0 && expected != actual)
        {
            throw new ResourceConflictException(key, expected, actual);
        }
    }

    /// <summary>Checks what every stored document needs: a kind, a name, and a key the store can index.</summary>
    public static void Validate(ResourceDocument document)
    {
        if (string.IsNullOrEmpty(document.Kind))
        {
            throw new ArgumentException("A stored document needs a kind.", nameof(document));
        }

        if (string.IsNullOrEmpty(document.Name))
        {
            throw new ArgumentException($"A stored {document.Kind} needs metadata.name.", nameof(document));
        }

        if (document.Namespace is "")
        {
            throw new ArgumentException($"{document.Kind} \"{document.Name}\" has an empty metadata.namespace; omit it for cluster-scoped kinds.", nameof(document));
        }
    }

    private static void CopyServerManagedMetadata(ResourceDocument from, ResourceDocument to)
    {
        foreach (var field in ServerManagedMetadata)
        {
            SetOrRemove(to.Metadata, field, from.Metadata[field]?.DeepClone());
        }
    }

    private static JsonObject WithoutMetadataAndStatus(ResourceDocument document)
    {
        var body = new JsonObject();
        foreach (var (name, value) in document.Json)
        {
            if (name is not ("metadata" or "status") && value is not null)
            {
                body[name] = value.DeepClone();
            }
        }

        return body;
    }

    /// <summary>Metadata as the user owns it: labels, annotations and the rest, without what the store manages.</summary>
    private static JsonObject UserMetadata(ResourceDocument document)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in document.Metadata)
        {
            if (Array.IndexOf(ServerManagedMetadata, name) < 0 && NullIfEmpty(value) is { } kept)
            {
                metadata[name] = kept.DeepClone();
            }
        }

        return metadata;
    }

    /// <summary>An absent field, a JSON null and an empty object mean the same thing for change detection.</summary>
    private static JsonNode? NullIfEmpty(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;

    private static void SetOrRemove(JsonObject target, string name, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = value;
        }
    }
}
