using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Dray.Core.Model.Analysis;
using Dray.Core.Model.Stages;

namespace Dray.Core.Model.Schemas;

/// <summary>
/// Adds to exported schemas what the records alone cannot say: closed objects, validation attributes, and the
/// wire shape of types with custom converters.
/// </summary>
internal static class SchemaAnnotator
{
    public static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var valueType = underlying ?? type;
        var nullable = underlying is not null;

        if (valueType == typeof(DateTimeOffset))
        {
            schema = new JsonObject { ["type"] = TypeKeyword("string", nullable), ["format"] = "date-time" };
        }
        else if (valueType == typeof(IntOrString))
        {
            schema = new JsonObject
            {
                ["type"] = nullable ? new JsonArray("integer", "string", "null") : new JsonArray("integer", "string"),
                ["x-kubernetes-int-or-string"] = true,
            };
        }

        else if (valueType == typeof(AvailabilityStrategy))
        {
            var values = new JsonArray(AvailabilityStrategyConverter.WireNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
            if (nullable)
            {
                values.Add(null);
            }

            schema = new JsonObject { ["type"] = TypeKeyword("string", nullable), ["enum"] = values };
        }

        if (schema is not JsonObject obj)
        {
            return schema;
        }

        if (IsElementOfCollection(context.Path))
        {
            DisallowNull(obj);
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && !HasExtensionData(context.TypeInfo))
        {
            obj["additionalProperties"] = false;
        }

        if (context.PropertyInfo?.AttributeProvider is { } attributes)
        {
            ApplyAttributes(obj, attributes.GetCustomAttributes(inherit: true), IsCollection(valueType));
        }

        return obj;
    }

    /// <summary>List items and map values are never null in Kubernetes objects, whatever C# generics can express.</summary>
    private static bool IsElementOfCollection(ReadOnlySpan<string> path) =>
        path.Length > 0 && path[^1] is "items" or "additionalProperties";

    private static void DisallowNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types && types.Count == 2 && types.FirstOrDefault(t => (string?)t != "null") is { } single)
        {
            schema["type"] = (string?)single;
        }

        if (schema["enum"] is JsonArray values && values.Contains(null))
        {
            var nonNull = new JsonArray(values.Where(v => v is not null).Select(v => v!.DeepClone()).ToArray());
            schema["enum"] = nonNull;
        }
    }

    private static bool HasExtensionData(JsonTypeInfo typeInfo) => typeInfo.Properties.Any(p => p.IsExtensionData);

    private static bool IsCollection(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !IsDictionary(type);

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>));

    private static JsonNode TypeKeyword(string type, bool nullable) => nullable ? new JsonArray(type, "null") : JsonValue.Create(type);

    private static void ApplyAttributes(JsonObject schema, object[] attributes, bool collection)
    {
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case RegularExpressionAttribute regex:
                    schema["pattern"] = regex.Pattern;
                    break;
                case MinLengthAttribute min:
                    schema[collection ? "minItems" : "minLength"] = min.Length;
                    break;
                case MaxLengthAttribute max:
                    schema[collection ? "maxItems" : "maxLength"] = max.Length;
                    break;
                case RangeAttribute range:
                    schema["minimum"] = ToNumber(range.Minimum);
                    schema["maximum"] = ToNumber(range.Maximum);
                    break;
                case DefaultValueAttribute { Value: { } value }:
                    schema["default"] = JsonSerializer.SerializeToNode(value, value.GetType(), KargoJson.Options);
                    break;
            }
        }
    }

    private static JsonValue ToNumber(object value) => value switch
    {
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };
}
