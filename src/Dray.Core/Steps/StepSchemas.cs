using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Dray.Core.Model;
using Dray.Core.Model.Schemas;

namespace Dray.Core.Steps;

/// <summary>The JSON schema of a step's config record, the same one used to validate it and shown by the UI.</summary>
public static class StepSchemas
{
    /// <summary>A fresh copy of the schema of <typeparamref name="TConfig"/>; the caller may change it.</summary>
    public static JsonObject For<TConfig>() => (JsonObject)Cache<TConfig>.Schema.DeepClone();

    internal static JsonNode Shared<TConfig>() => Cache<TConfig>.Schema;

    private static class Cache<TConfig>
    {
        public static readonly JsonNode Schema = Generate();

        private static JsonNode Generate()
        {
            var schema = SchemaInliner.Inline(KargoJson.Options.GetJsonSchemaAsNode(
                typeof(TConfig),
                new JsonSchemaExporterOptions { TransformSchemaNode = SchemaAnnotator.Transform }));
            schema["type"] = "object";
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            return schema;
        }
    }
}
