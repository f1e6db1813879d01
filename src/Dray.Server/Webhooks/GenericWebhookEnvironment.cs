using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Projects;

namespace Dray.Server.Webhooks;

/// <summary>
/// The expression environment of a generic receiver's actions: <c>request.header(k)</c>, <c>request.headers(k)</c>,
/// <c>request.body</c>, <c>params</c> (the action's parameters, themselves templates over the request), and
/// <c>normalizeGit</c>/<c>normalizeImage</c>/<c>normalizeChart</c>/<c>normalize(kind, url)</c>.
/// </summary>
public static class GenericWebhookEnvironment
{
    public static ExpressionEnvironment For(WebhookRequest request, JsonNode? body, GenericWebhookAction action, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        var requestValue = new ExpressionMap
        {
            ["header"] = new ExpressionFunction("header", args => request.Header(StringArgument(args, "header")) ?? ""),
            ["headers"] = new ExpressionFunction("headers", args => request.Headers(StringArgument(args, "headers")).Cast<object?>().ToList()),
            ["body"] = ExpressionValues.FromJson(body),
        };
        var env = ExpressionEnvironment.Empty
            .WithTimeProvider(time)
            .WithVariable("request", requestValue)
            .WithFunction("normalizeGit", args => GitUrl.Normalize(StringArgument(args, "normalizeGit")))
            .WithFunction("normalizeImage", args => ImageUrl.Normalize(StringArgument(args, "normalizeImage")))
            .WithFunction("normalizeChart", args => ChartUrl.Normalize(StringArgument(args, "normalizeChart")))
            .WithFunction("normalize", Normalize);
        var parameters = new ExpressionMap();
        foreach (var (name, value) in action.Parameters ?? new Dictionary<string, string>())
        {
            parameters[name] = Text(value, env);
        }

        return env.WithVariable("params", parameters);
    }

    /// <summary>A template string: evaluated when it holds <c>${{ }}</c>, else taken literally.</summary>
    public static string Text(string value, ExpressionEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!ExpressionTemplate.ContainsExpression(value))
        {
            return value;
        }

        return ExpressionTemplate.EvaluateString(value, env) switch
        {
            null => "",
            JsonValue scalar when scalar.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };
    }

    /// <summary>A condition: a bare expression or a template; it must come out a boolean.</summary>
    public static bool Condition(string? expression, ExpressionEnvironment env)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return true;
        }

        object? result = ExpressionTemplate.ContainsExpression(expression)
            ? ExpressionTemplate.EvaluateString(expression, env) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null
            : CompiledExpression.Evaluate(expression, env);
        return result as bool? ?? throw new ExpressionException($"whenExpression must evaluate to a boolean: {expression}");
    }

    private static object? Normalize(IReadOnlyList<object?> args)
    {
        if (args.Count != 2 || args[0] is not string kind || args[1] is not string url)
        {
            throw new ExpressionException("normalize(kind, url) takes two strings");
        }

        return kind switch
        {
            "git" => GitUrl.Normalize(url),
            "image" => ImageUrl.Normalize(url),
            "chart" => ChartUrl.Normalize(url),
            _ => throw new ExpressionException($"normalize: unknown kind \"{kind}\" (git, image or chart)"),
        };
    }

    private static string StringArgument(IReadOnlyList<object?> args, string function) =>
        args.Count == 1 && args[0] is string s ? s : throw new ExpressionException($"{function} takes one string argument");
}
