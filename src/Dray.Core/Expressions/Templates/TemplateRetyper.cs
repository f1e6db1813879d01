using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions.Runtime;

namespace Dray.Core.Expressions.Templates;

/// <summary>
/// Kargo's typing of an evaluated template string: quoted stays a string, then number, then bool, then JSON,
/// else the string itself.
/// </summary>
internal static class TemplateRetyper
{
    public static JsonNode? Retype(string result)
    {
        var removedNewline = result.EndsWith('\n');
        if (removedNewline)
        {
            result = result[..^1];
        }

        if (result.Length > 1 && result[0] == '"' && result[^1] == '"')
        {
            return JsonValue.Create(result[1..^1] + (removedNewline ? "\n" : ""));
        }

        if (GoFormat.TryParseFloat(result, out var number))
        {
            // Kargo returns the float and later fails to marshal it; the same error, earlier.
            return double.IsNaN(number) || double.IsInfinity(number)
                ? throw new ExpressionException($"json: unsupported value: {GoFormat.FormatFloatG(number)}")
                : JsonValue.Create(number);
        }

        if (GoFormat.TryParseBool(result, out var flag))
        {
            return JsonValue.Create(flag);
        }

        if (TryParseJson(result, out var json))
        {
            return json;
        }

        return JsonValue.Create(result + (removedNewline ? "\n" : ""));
    }

    private static bool TryParseJson(string text, out JsonNode? node)
    {
        node = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[' && trimmed[0] != '"' && trimmed[0] != 'n' &&
                                    trimmed[0] != 't' && trimmed[0] != 'f' && trimmed[0] != '-' && !char.IsAsciiDigit(trimmed[0])))
        {
            return false;
        }

        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            // Materialise objects now so duplicate keys or depth problems surface here, not later.
            _ = node?.ToJsonString();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
