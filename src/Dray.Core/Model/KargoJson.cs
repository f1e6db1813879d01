using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;

namespace Dray.Core.Model;

/// <summary>The one JSON configuration for Kargo-shaped documents: camelCase, nulls omitted, enums as Kargo spells them.</summary>
public static class KargoJson
{
    /// <summary>Shared, read-only options. Property names are case-sensitive, as in Kubernetes.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes a model record into a store document.</summary>
    public static ResourceDocument ToDocument<T>(T model)
        where T : notnull =>
        new(JsonSerializer.SerializeToNode(model, Options) as JsonObject
            ?? throw new JsonException($"{typeof(T).Name} does not serialize to a JSON object."));

    /// <summary>Reads a store document as a model record.</summary>
    public static T FromDocument<T>(ResourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.As<T>(Options);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        // Ahead of the enum factory, which would otherwise claim this enum: options converters beat type attributes.
        options.Converters.Add(new AvailabilityStrategyConverter());
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new KubernetesTimeConverter());
        options.MakeReadOnly();
        return options;
    }
}
