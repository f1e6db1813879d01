using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Expressions.Runtime;
using Dray.Core.Expressions.Templates;

namespace Dray.Core.Expressions;

/// <summary>
/// Kargo's JSON templates: every string value (never a key) of a JSON tree may hold <c>${{ expr }}</c> or
/// <c>${% expr %}</c> expressions, mixed with text. The assembled string is then typed as Kargo types it.
/// </summary>
public static class ExpressionTemplate
{
    private static readonly (string Start, string End)[] Delimiters = [("${{", "}}"), ("${%", "%}")];

    /// <summary>Evaluates every string value in <paramref name="config"/>; returns a new tree.</summary>
    public static JsonNode? Evaluate(JsonNode? config, ExpressionEnvironment environment)
    {
        var env = Prepare(environment);
        return Walk(config, env, 0);
    }

    /// <summary>Evaluates one template string and types the result.</summary>
    public static JsonNode? EvaluateString(string template, ExpressionEnvironment environment) =>
        EvaluateOne(template, Prepare(environment));

    /// <summary>True if the string contains an expression delimiter and so would be evaluated.</summary>
    public static bool ContainsExpression(string value) =>
        Delimiters.Any(d => value.Contains(d.Start, StringComparison.Ordinal));

    private static ExpressionEnvironment Prepare(ExpressionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in TemplateFunctions.ReservedNames)
        {
            if (environment.HasName(name))
            {
                throw new ExpressionException($"\"{name}\" is a forbidden key in the environment map; it is reserved for internal use");
            }
        }

        return TemplateFunctions.AddTo(environment);
    }

    private static JsonNode? Walk(JsonNode? node, ExpressionEnvironment env, int depth)
    {
        if (depth > 512)
        {
            throw new ExpressionException("template is nested too deeply");
        }

        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Walk(value, env, depth + 1);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Walk(item, env, depth + 1));
                }

                return items;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return EvaluateOne(text, env);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? EvaluateOne(string template, ExpressionEnvironment env)
    {
        if (!ContainsExpression(template))
        {
            // Plain strings stay strings: "42" must not turn into a number.
            return JsonValue.Create(template);
        }

        var result = new StringBuilder();
        var rest = template;
        while (true)
        {
            var (start, delimiter) = NextDelimiter(rest);
            if (start < 0)
            {
                result.Append(rest);
                break;
            }

            var exprStart = start + delimiter.Start.Length;
            var end = rest.IndexOf(delimiter.End, exprStart, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ExpressionException($"unclosed expression: expected \"{delimiter.End}\" but reached end of template");
            }

            result.Append(rest, 0, start);
            var value = CompiledExpression.Evaluate(rest[exprStart..end], env);
            result.Append(value as string ?? GoJson.Marshal(value, indent: false));
            rest = rest[(end + delimiter.End.Length)..];
        }

        return TemplateRetyper.Retype(result.ToString());
    }

    private static (int Index, (string Start, string End) Delimiter) NextDelimiter(string text)
    {
        var best = (-1, Delimiters[0]);
        foreach (var delimiter in Delimiters)
        {
            var at = text.IndexOf(delimiter.Start, StringComparison.Ordinal);
            if (at >= 0 && (best.Item1 < 0 || at < best.Item1))
            {
                best = (at, delimiter);
            }
        }

        return best;
    }
}
