using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dray.Core.Manifests.Schema;

/// <summary>
/// Validates a JSON tree against the subset of JSON Schema that Dray's kinds use: <c>type</c> (also as a list),
/// <c>properties</c>, <c>additionalProperties</c>, <c>required</c>, <c>enum</c>, <c>const</c>, <c>pattern</c>,
/// <c>items</c>, <c>min/maxItems</c>, <c>min/maxLength</c>, <c>minimum</c>/<c>maximum</c>, <c>min/maxProperties</c>,
/// <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c>, local <c>$ref</c> and <c>x-kubernetes-preserve-unknown-fields</c>.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly JsonObject _root;
    private readonly IReadOnlyDictionary<string, string> _aliases;
    private readonly Func<string, bool> _skipPatternCheck;

    /// <param name="schema">The root schema.</param>
    /// <param name="fieldAliases">Former field names mapped to today's, to suggest today's name for a typo of a former one.</param>
    /// <param name="skipPatternCheck">Strings for which a pattern mismatch is not reported (already reported elsewhere).</param>
    public JsonSchemaValidator(JsonObject schema, IReadOnlyDictionary<string, string>? fieldAliases = null, Func<string, bool>? skipPatternCheck = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _root = schema;
        _aliases = fieldAliases ?? new Dictionary<string, string>(StringComparer.Ordinal);
        _skipPatternCheck = skipPatternCheck ?? (_ => false);
    }

    public IReadOnlyList<SchemaViolation> Validate(JsonNode? instance, string path = "")
    {
        var violations = new List<SchemaViolation>();
        Check(_root, instance, path, violations, 0);
        return violations;
    }

    private void Check(JsonObject schema, JsonNode? node, string path, List<SchemaViolation> errors, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        if (schema["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            if (Resolve(reference) is { } target)
            {
                Check(target, node, path, errors, depth + 1);
            }

            return;
        }

        if (!CheckType(schema, node, path, errors))
        {
            return;
        }

        CheckEnum(schema, node, path, errors);
        CheckComposition(schema, node, path, errors, depth);
        switch (node)
        {
            case JsonObject obj:
                CheckObject(schema, obj, path, errors, depth);
                break;
            case JsonArray array:
                CheckArray(schema, array, path, errors, depth);
                break;
            case JsonValue value:
                CheckScalar(schema, value, path, errors);
                break;
        }
    }

    // A schema may also be a boolean: true accepts anything (opaque values), false nothing.
    private void CheckAny(JsonNode? schema, JsonNode? node, string path, List<SchemaViolation> errors, int depth)
    {
        switch (schema)
        {
            case JsonObject obj:
                Check(obj, node, path, errors, depth);
                break;
            case JsonValue v when v.TryGetValue<bool>(out var allowed) && !allowed:
                errors.Add(new SchemaViolation(path, "this field is not allowed here"));
                break;
        }
    }

    private static bool CheckType(JsonObject schema, JsonNode? node, string path, List<SchemaViolation> errors)
    {
        var types = schema["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => [t],
            JsonArray a => a.Select(t => (string?)t ?? "").ToList(),
            _ => null,
        };
        if (types is null || types.Any(t => Matches(t, node)))
        {
            return true;
        }

        if (node is null && schema["nullable"] is JsonValue n && n.TryGetValue<bool>(out var nullable) && nullable)
        {
            return true;
        }

        errors.Add(new SchemaViolation(path, $"expected {string.Join(" or ", types.Where(t => t != "null").Select(SchemaValues.Article))}, got {SchemaValues.Describe(node)}"));
        return false;
    }

    private static bool Matches(string type, JsonNode? node) => type switch
    {
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node?.GetValueKind() == JsonValueKind.String,
        "boolean" => node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node?.GetValueKind() == JsonValueKind.Number,
        "integer" => SchemaValues.Number(node) is { } d && Math.Floor(d) == d,
        "null" => node is null,
        _ => true,
    };

    private static void CheckEnum(JsonObject schema, JsonNode? node, string path, List<SchemaViolation> errors)
    {
        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, node))
        {
            errors.Add(new SchemaViolation(path, $"must be {constant.ToJsonString()}, got {SchemaValues.Describe(node)}"));
        }

        if (schema["enum"] is not JsonArray options || options.Any(o => JsonNode.DeepEquals(o, node)))
        {
            return;
        }

        var names = options.OfType<JsonNode>().Select(o => o.GetValueKind() == JsonValueKind.String ? (string)o! : o.ToJsonString()).ToList();
        var hint = node?.GetValueKind() == JsonValueKind.String && EditDistance.Suggest((string)node!, names) is { } s ? $" (did you mean {s}?)" : "";
        errors.Add(new SchemaViolation(path, $"invalid value {SchemaValues.Describe(node)}: must be one of {string.Join(", ", names)}{hint}"));
    }

    private void CheckComposition(JsonObject schema, JsonNode? node, string path, List<SchemaViolation> errors, int depth)
    {
        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all.OfType<JsonObject>())
            {
                Check(part, node, path, errors, depth + 1);
            }
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is not JsonArray branches)
            {
                continue;
            }

            var results = branches.OfType<JsonObject>().Select(b =>
            {
                var branchErrors = new List<SchemaViolation>();
                Check(b, node, path, branchErrors, depth + 1);
                return branchErrors;
            }).ToList();
            var passing = results.Count(r => r.Count == 0);
            if (passing == 0 && results.Count > 0)
            {
                // Report the branch that came closest; its messages are the most useful.
                errors.AddRange(results.OrderBy(r => r.Count).First());
            }
            else if (keyword == "oneOf" && passing > 1)
            {
                errors.Add(new SchemaViolation(path, "matches more than one of the allowed forms; set only one of them"));
            }
        }
    }

    private void CheckObject(JsonObject schema, JsonObject obj, string path, List<SchemaViolation> errors, int depth)
    {
        var properties = schema["properties"] as JsonObject;
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string?)r).OfType<string>())
            {
                if (!obj.ContainsKey(name) || obj[name] is null)
                {
                    errors.Add(new SchemaViolation(FieldPath.Child(path, name), $"missing required field \"{name}\""));
                }
            }
        }

        CheckCount(schema, "minProperties", "maxProperties", obj.Count, "field", path, errors);
        var preserveUnknown = schema["x-kubernetes-preserve-unknown-fields"] is JsonValue p && p.TryGetValue<bool>(out var keep) && keep;
        foreach (var (name, value) in obj)
        {
            var childPath = FieldPath.Child(path, name);
            if (properties is not null && properties.TryGetPropertyValue(name, out var propertySchema))
            {
                CheckAny(propertySchema, value, childPath, errors, depth + 1);
                continue;
            }

            switch (schema["additionalProperties"])
            {
                case JsonObject additional:
                    Check(additional, value, childPath, errors, depth + 1);
                    break;
                case JsonValue closed when closed.TryGetValue<bool>(out var allowed) && !allowed && !preserveUnknown:
                    var known = properties?.Select(kv => kv.Key).ToList() ?? [];
                    var hint = EditDistance.Suggest(name, known, _aliases) is { } s ? $" (did you mean {s}?)" : "";
                    var choices = hint.Length == 0 && known.Count is > 0 and <= 12 ? $"; valid fields are {string.Join(", ", known)}" : "";
                    errors.Add(new SchemaViolation(childPath, $"unknown field \"{name}\"{hint}{choices}"));
                    break;
            }
        }
    }

    private void CheckArray(JsonObject schema, JsonArray array, string path, List<SchemaViolation> errors, int depth)
    {
        CheckCount(schema, "minItems", "maxItems", array.Count, "item", path, errors);
        if (schema.TryGetPropertyValue("items", out var items))
        {
            for (var i = 0; i < array.Count; i++)
            {
                CheckAny(items, array[i], FieldPath.Index(path, i), errors, depth + 1);
            }
        }
    }

    private void CheckScalar(JsonObject schema, JsonValue value, string path, List<SchemaViolation> errors)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            CheckCount(schema, "minLength", "maxLength", text.Length, "character", path, errors);
            if (schema["pattern"] is JsonValue pv && pv.TryGetValue<string>(out var pattern) && !_skipPatternCheck(text)
                && !SchemaValues.IsMatch(text, pattern))
            {
                errors.Add(new SchemaViolation(path, $"\"{text}\" does not match the pattern {pattern}"));
            }
        }
        else if (value.GetValueKind() == JsonValueKind.Number)
        {
            var number = SchemaValues.Number(value) ?? 0;
            if (SchemaValues.Number(schema["minimum"]) is { } min && number < min)
            {
                errors.Add(new SchemaViolation(path, $"must be at least {SchemaValues.Format(min)}, got {SchemaValues.Format(number)}"));
            }

            if (SchemaValues.Number(schema["maximum"]) is { } max && number > max)
            {
                errors.Add(new SchemaViolation(path, $"must be at most {SchemaValues.Format(max)}, got {SchemaValues.Format(number)}"));
            }
        }
    }

    private static void CheckCount(JsonObject schema, string minKey, string maxKey, int count, string unit, string path, List<SchemaViolation> errors)
    {
        if (SchemaValues.Number(schema[minKey]) is { } min && count < min)
        {
            errors.Add(new SchemaViolation(path, $"must have at least {SchemaValues.Format(min)} {unit}(s), got {count}"));
        }

        if (SchemaValues.Number(schema[maxKey]) is { } max && count > max)
        {
            errors.Add(new SchemaViolation(path, $"must have at most {SchemaValues.Format(max)} {unit}(s), got {count}"));
        }
    }

    private JsonObject? Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        JsonNode? current = _root;
        foreach (var part in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current is JsonObject o ? o[key] : null;
        }

        return current as JsonObject;
    }
}
