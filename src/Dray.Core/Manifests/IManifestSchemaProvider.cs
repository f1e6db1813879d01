using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Core.Manifests;

/// <summary>Supplies the JSON schema that a kind's documents must satisfy, or null when the kind has none.</summary>
public interface IManifestSchemaProvider
{
    JsonObject? For(ResourceKind kind);
}
