using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Test helpers: evaluate an expression and render a result with its types, e.g. <c>[int:1, float:2.5]</c>.</summary>
internal static class Expr
{
    public static object? Eval(string expression, ExpressionEnvironment? env = null) =>
        CompiledExpression.Evaluate(expression, env ?? ExpressionEnvironment.Empty);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    public static string Typed(string expression, ExpressionEnvironment? env = null) => Typed(Eval(expression, env));

    public static ExpressionException Fails(string expression, ExpressionEnvironment? env = null) =>
        Should.Throw<ExpressionException>(() => Eval(expression, env));

    public static string Typed(object? value) => value switch
    {
        null => "nil",
        bool b => b ? "true" : "false",
        long l => "int:" + l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsPositiveInfinity(d) => "float:+Inf",
        double d => "float:" + d.ToString("R", CultureInfo.InvariantCulture),
        string s => "\"" + s + "\"",
        ExpressionMap m => "{" + string.Join(", ", m.Select(p => p.Key + ": " + Typed(p.Value))) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Typed)) + "]",
        IExpressionObject o => o.TypeName,
        _ => value.ToString() ?? "",
    };
}
