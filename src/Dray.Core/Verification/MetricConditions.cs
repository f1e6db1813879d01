using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Model.Analysis;

namespace Dray.Core.Verification;

/// <summary>
/// Argo Rollouts' measurement verdict: <c>successCondition</c> and <c>failureCondition</c> are expr-lang over
/// <c>result</c>. With neither, any value succeeds; with one, the other is its negation; with both and neither
/// true, the measurement is Inconclusive. A failure wins over a success.
/// </summary>
public static class MetricConditions
{
    public static (AnalysisPhase Phase, string? Message) Evaluate(Metric metric, JsonNode? result)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var env = Environment(result);
        bool success, failure;
        try
        {
            success = metric.SuccessCondition is { Length: > 0 } s && Condition(s, env);
            failure = metric.FailureCondition is { Length: > 0 } f && Condition(f, env);
        }
        catch (ExpressionException e)
        {
            return (AnalysisPhase.Error, e.Message);
        }

        var hasSuccess = metric.SuccessCondition is { Length: > 0 };
        var hasFailure = metric.FailureCondition is { Length: > 0 };
        if (!hasSuccess && !hasFailure)
        {
            return (AnalysisPhase.Successful, null);
        }

        if (hasSuccess && !hasFailure)
        {
            failure = !success;
        }
        else if (!hasSuccess)
        {
            success = !failure;
        }

        return failure ? (AnalysisPhase.Failed, null)
            : success ? (AnalysisPhase.Successful, null)
            : (AnalysisPhase.Inconclusive, null);
    }

    private static bool Condition(string text, ExpressionEnvironment env) =>
        CompiledExpression.Evaluate(text, env) is bool b
            ? b
            : throw new ExpressionException($"condition \"{text}\" did not evaluate to a boolean");

    private static ExpressionEnvironment Environment(JsonNode? result) =>
        ExpressionEnvironment.Empty
            .WithVariable("result", ExpressionValues.FromJson(result))
            .WithFunction("asInt", args => (long)ToNumber(args))
            .WithFunction("asFloat", args => ToNumber(args))
            .WithFunction("isNaN", args => double.IsNaN(ToNumber(args)))
            .WithFunction("isInf", args => double.IsInfinity(ToNumber(args)))
            .WithFunction("default", args => args.Count == 2 ? args[0] ?? args[1] : throw new ExpressionException("default takes two arguments"));

    private static double ToNumber(IReadOnlyList<object?> args) => args is [var value]
        ? value switch
        {
            long l => l,
            double d => d,
            string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
            _ => throw new ExpressionException($"cannot convert {ExpressionValues.TypeName(value)} to a number"),
        }
        : throw new ExpressionException("expected one argument");
}
