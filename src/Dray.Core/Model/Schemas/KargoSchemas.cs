using System.Collections.Frozen;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Model.Projects;
using Dray.Core.Model.PromotionTasks;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;

namespace Dray.Core.Model.Schemas;

/// <summary>
/// JSON schemas of whole documents, generated from the model records, for validating manifests. Closed objects
/// reject unknown fields; opaque values (step config, metadata maps, other analysis providers) stay open.
/// </summary>
public static class KargoSchemas
{
    private static readonly FrozenDictionary<string, Type> Types = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ResourceKinds.Project.Kind] = typeof(Project),
        [ResourceKinds.ProjectConfig.Kind] = typeof(ProjectConfig),
        [ResourceKinds.Warehouse.Kind] = typeof(Warehouse),
        [ResourceKinds.Stage.Kind] = typeof(Stage),
        [ResourceKinds.Freight.Kind] = typeof(Freight),
        [ResourceKinds.Promotion.Kind] = typeof(Promotion),
        [ResourceKinds.PromotionTask.Kind] = typeof(PromotionTask),
        [ResourceKinds.ClusterPromotionTask.Kind] = typeof(ClusterPromotionTask),
        [ResourceKinds.AnalysisTemplate.Kind] = typeof(AnalysisTemplate),
        [ResourceKinds.AnalysisRun.Kind] = typeof(AnalysisRun),
        [ResourceKinds.Secret.Kind] = typeof(Secret),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, JsonNode>> Schemas = new(() =>
        ResourceKinds.All.ToFrozenDictionary(k => k.Kind, Generate, StringComparer.Ordinal));

    /// <summary>The model record type of a kind.</summary>
    public static Type ModelType(ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Types.TryGetValue(kind.Kind, out var type)
            ? type
            : throw new ArgumentException($"No model type for kind {kind.Kind}.", nameof(kind));
    }

    /// <summary>The schema of a whole document of this kind. Each call returns a fresh copy the caller may change.</summary>
    public static JsonNode For(ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Schemas.Value.TryGetValue(kind.Kind, out var schema)
            ? schema.DeepClone()
            : throw new ArgumentException($"No schema for kind {kind.Kind}.", nameof(kind));
    }

    private static JsonNode Generate(ResourceKind kind)
    {
        var schema = SchemaInliner.Inline(KargoJson.Options.GetJsonSchemaAsNode(
            ModelType(kind),
            new JsonSchemaExporterOptions { TransformSchemaNode = SchemaAnnotator.Transform }));
        schema["type"] = "object";
        var properties = (JsonObject)schema["properties"]!;
        properties["apiVersion"] = new JsonObject { ["const"] = kind.ApiVersion };
        properties["kind"] = new JsonObject { ["const"] = kind.Kind };
        var required = schema["required"] as JsonArray ?? [];
        var position = 0;
        foreach (var name in new[] { "apiVersion", "kind" })
        {
            if (!required.Any(r => (string?)r == name))
            {
                required.Insert(position++, name);
            }
        }

        schema["required"] = required;
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return schema;
    }
}
