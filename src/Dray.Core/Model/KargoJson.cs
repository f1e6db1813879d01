using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dray.Core.Model.Stages;

namespace Dray.Core.Model;

/// <summary>The one JSON configuration for Kargo-shaped documents: camelCase, nulls omitted, enums as Kargo spells them.</summary>
public static class KargoJson
{
    /// <summary>Shared, read-only options. Property names are case-sensitive, as in Kubernetes.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

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
