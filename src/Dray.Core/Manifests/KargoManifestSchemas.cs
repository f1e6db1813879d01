using System.Text.Json.Nodes;
using Dray.Core.Model.Schemas;
using Dray.Core.Resources;

namespace Dray.Core.Manifests;

/// <summary>The schemas generated from the model records (<see cref="KargoSchemas"/>).</summary>
public sealed class KargoManifestSchemas : IManifestSchemaProvider
{
    public JsonObject? For(ResourceKind kind) => KargoSchemas.For(kind) as JsonObject;
}
