using System.Text.Json.Nodes;

namespace Dray.Steps.Tests.Contracts;

/// <summary>
/// A Swagger 2.0 document used as a contract: finds the operation for a request (path template + method) and
/// validates JSON bodies against its schemas (type, required, properties, items, enum, additionalProperties, $ref).
/// </summary>
public sealed class SwaggerSpec
{
    private readonly JsonObject _doc;
    private readonly string _basePath;
    private readonly List<(string Template, string[] Segments, JsonObject Item)> _paths;

    private SwaggerSpec(JsonObject doc)
    {
        _doc = doc;
        _basePath = ((string?)doc["basePath"] ?? string.Empty).TrimEnd('/');
        _paths = ((JsonObject)doc["paths"]!).Select(p => (p.Key, p.Key.Trim('/').Split('/'), (JsonObject)p.Value!)).ToList();
    }

    public static SwaggerSpec Load(string file) =>
        new(JsonNode.Parse(File.ReadAllText(file))!.AsObject()); // File.ReadAllText drops Azure DevOps' BOM.

    public static string SpecFile(params string[] parts) => Path.Combine(["/work/shared/specs", .. parts]);

    /// <summary>The operation for a request, or null with the reason.</summary>
    public (JsonObject? Operation, string Template, string? Problem) Find(string method, string absolutePath)
    {
        var path = absolutePath;
        if (_basePath.Length > 0)
        {
            if (!path.StartsWith(_basePath + "/", StringComparison.Ordinal))
            {
                return (null, string.Empty, $"{path} is outside basePath {_basePath}");
            }

            path = path[_basePath.Length..];
        }

        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();

        // Literal segments win over parameters, as routers do.
        var candidates = _paths
            .Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(z => IsParameter(z.First) ? z.Second.Length > 0 : z.First == z.Second))
            .OrderBy(p => p.Segments.Count(IsParameter))
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, string.Empty, $"no path template in the spec matches {path}");
        }

        // Templates that differ only in parameter names (Argo CD's {name} and {application.metadata.name}) are
        // told apart by the method they define.
        var withMethod = candidates.FirstOrDefault(c => c.Item[method.ToLowerInvariant()] is JsonObject);
        return withMethod.Item is { } item
            ? ((JsonObject)item[method.ToLowerInvariant()]!, withMethod.Template, null)
            : (null, candidates[0].Template, $"{method} is not defined for {candidates[0].Template}");
    }

    /// <summary>Problems with a request: unknown path or method, body not matching the body parameter's schema.</summary>
    public IReadOnlyList<string> CheckRequest(string method, string absolutePath, JsonNode? body)
    {
        var (op, template, problem) = Find(method, absolutePath);
        if (op is null)
        {
            return [problem!];
        }

        var errors = new List<string>();
        var bodyParam = (op["parameters"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => (string?)p["in"] == "body");
        if (bodyParam?["schema"] is JsonObject schema)
        {
            if (body is null && (bool?)bodyParam["required"] == true)
            {
                errors.Add($"{method} {template}: the body is required");
            }
            else if (body is not null)
            {
                Validate(body, schema, "body", errors);
            }
        }
        else if (body is not null)
        {
            errors.Add($"{method} {template} takes no body");
        }

        return errors.Select(e => $"{method} {template}: {e}").ToList();
    }

    /// <summary>Problems with a response fixture against the operation's schema for that status (or <c>default</c>).</summary>
    public IReadOnlyList<string> CheckResponse(string method, string absolutePath, int status, JsonNode? body)
    {
        var (op, template, problem) = Find(method, absolutePath);
        if (op is null)
        {
            return [problem!];
        }

        var responses = (JsonObject)op["responses"]!;
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            return [$"{method} {template}: status {status} is not documented"];
        }

        var errors = new List<string>();
        if (Resolve(response)["schema"] is JsonObject schema && body is not null)
        {
            Validate(body, schema, "response", errors);
        }

        return errors.Select(e => $"{method} {template} -> {status}: {e}").ToList();
    }

    public void Validate(JsonNode? value, JsonObject schema, string at, List<string> errors)
    {
        schema = Resolve(schema);
        if (value is null)
        {
            return;
        }

        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all.OfType<JsonObject>())
            {
                Validate(value, part, at, errors);
            }
        }

        var type = (string?)schema["type"] ?? (schema["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object" when value is not JsonObject:
            case "array" when value is not JsonArray:
            case "string" when !(value is JsonValue s && s.TryGetValue<string>(out _)):
            case "boolean" when !(value is JsonValue b && b.TryGetValue<bool>(out _)):
            case "integer" when !(value is JsonValue i && i.TryGetValue<long>(out _)):
            case "number" when !(value is JsonValue n && n.TryGetValue<double>(out _)):
                errors.Add($"{at}: expected {type}, got {value.GetValueKind()}");
                return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => (string)r!))
            {
                if (!obj.ContainsKey(required))
                {
                    errors.Add($"{at}: required property {required} is missing");
                }
            }

            var properties = schema["properties"] as JsonObject;
            foreach (var (key, child) in obj)
            {
                if (properties?[key] is JsonObject propertySchema)
                {
                    Validate(child, propertySchema, $"{at}.{key}", errors);
                }
                else if (schema["additionalProperties"] is JsonObject extra)
                {
                    Validate(child, extra, $"{at}.{key}", errors);
                }
                else if (properties is not null)
                {
                    errors.Add($"{at}: property {key} is not in the schema");
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], items, $"{at}[{i}]", errors);
            }
        }
    }

    private JsonObject Resolve(JsonNode node)
    {
        var obj = (JsonObject)node;
        while (obj["$ref"] is JsonValue r && ((string)r!).StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? target = _doc;
            foreach (var part in ((string)r!)[2..].Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            obj = target as JsonObject ?? throw new InvalidOperationException($"unresolvable {(string)r!}");
        }

        return obj;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
