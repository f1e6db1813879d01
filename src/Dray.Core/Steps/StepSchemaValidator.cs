using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dray.Core.Steps;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that <see cref="StepSchemas"/> produces, reporting each
/// problem with the path of the offending field.
/// </summary>
internal static class StepSchemaValidator
{
    public static void Validate(JsonNode? value, JsonNode schema, string path, List<string> errors)
    {
        if (schema is not JsonObject s)
        {
            if (schema is JsonValue v && v.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        var kind = KindOf(value);
        if (s["type"] is { } type && !TypeMatches(type, kind))
        {
            errors.Add($"{path}: expected {Describe(type)}, got {kind}");
            return;
        }

        if (s["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: must be one of {string.Join(", ", allowed.OfType<JsonNode>().Select(a => a.ToJsonString()))}");
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, s, path, errors);
                break;
            case JsonArray array:
                ValidateArray(array, s, path, errors);
                break;
            case JsonValue scalar when kind == "string":
                ValidateString(scalar.GetValue<string>(), s, path, errors);
                break;
            case JsonValue number when kind is "integer" or "number":
                ValidateNumber(AsDouble(number), s, path, errors);
                break;
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string?)r).OfType<string>())
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add($"{path}.{name}: required");
                }
            }
        }

        foreach (var (name, child) in obj)
        {
            if (properties?[name] is { } propertySchema)
            {
                Validate(child, propertySchema, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                if (additional is JsonValue closed && closed.GetValueKind() == JsonValueKind.False)
                {
                    errors.Add($"{path}.{name}: unknown field");
                }
                else
                {
                    Validate(child, additional, $"{path}.{name}", errors);
                }
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minItems"] is { } min && array.Count < (int)min)
        {
            errors.Add($"{path}: must have at least {(int)min} item(s)");
        }

        if (schema["maxItems"] is { } max && array.Count > (int)max)
        {
            errors.Add($"{path}: must have at most {(int)max} item(s)");
        }

        if (schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private static void ValidateString(string text, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minLength"] is { } min && text.Length < (int)min)
        {
            errors.Add($"{path}: must be at least {(int)min} character(s) long");
        }

        if (schema["maxLength"] is { } max && text.Length > (int)max)
        {
            errors.Add($"{path}: must be at most {(int)max} character(s) long");
        }

        if (schema["pattern"] is { } pattern
            && !Regex.IsMatch(text, (string)pattern!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: must match {(string?)pattern}");
        }
    }

    private static void ValidateNumber(double number, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minimum"] is JsonValue min && number < AsDouble(min))
        {
            errors.Add($"{path}: must be at least {min.ToJsonString()}");
        }

        if (schema["maximum"] is JsonValue max && number > AsDouble(max))
        {
            errors.Add($"{path}: must be at most {max.ToJsonString()}");
        }
    }

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    private static double AsDouble(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);

    private static bool IsInteger(JsonValue v) => Math.Abs(AsDouble(v) % 1) < double.Epsilon;

    private static bool TypeMatches(JsonNode type, string kind)
    {
        IEnumerable<string?> names = type is JsonArray a ? a.Select(t => (string?)t) : [(string?)type];
        return names.Any(n => n == kind || (n == "number" && kind == "integer"));
    }

    private static string Describe(JsonNode type) =>
        type is JsonArray a ? string.Join(" or ", a.Select(t => (string?)t)) : (string?)type ?? "?";
}
