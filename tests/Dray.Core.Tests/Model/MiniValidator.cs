using System.Text.Json.Nodes;

namespace Dray.Core.Tests.Model;

/// <summary>
/// Checks the structural parts of our schemas that matter for manifests: unknown fields, required fields and enum
/// values. Enough to prove the generated schemas describe real documents; not a general JSON Schema validator.
/// </summary>
internal static class MiniValidator
{
    public static List<string> Validate(JsonNode schema, JsonNode? instance)
    {
        var problems = new List<string>();
        Validate(schema, instance, [], problems);
        return problems;
    }

    private static void Validate(JsonNode schema, JsonNode? instance, List<string> path, List<string> problems)
    {
        if (SchemaWalker.IsOpen(schema) || schema is not JsonObject rules)
        {
            return;
        }

        var at = path.Count == 0 ? "(root)" : SchemaWalker.Format(path);
        if (rules["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, instance)))
        {
            problems.Add($"{at}: {instance?.ToJsonString()} is not one of {values.ToJsonString()}");
        }

        switch (instance)
        {
            case JsonObject obj:
                foreach (var name in (rules["required"] as JsonArray ?? []).Select(r => (string)r!))
                {
                    if (!obj.ContainsKey(name))
                    {
                        problems.Add($"{at}.{name}: required");
                    }
                }

                foreach (var (key, value) in obj)
                {
                    if (rules["properties"]?[key] is { } property)
                    {
                        Validate(property, value, [.. path, key], problems);
                    }
                    else if (rules["additionalProperties"] is JsonObject valueSchema)
                    {
                        Validate(valueSchema, value, [.. path, SchemaWalker.Values], problems);
                    }
                    else if (rules["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
                    {
                        problems.Add($"{SchemaWalker.Format([.. path, key])}: not allowed");
                    }
                }

                break;
            case JsonArray array when rules["items"] is { } items:
                foreach (var item in array)
                {
                    Validate(items, item, [.. path, SchemaWalker.Items], problems);
                }

                break;
        }
    }
}
