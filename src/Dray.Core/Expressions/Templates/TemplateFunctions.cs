using System.Globalization;
using Dray.Core.Expressions.Runtime;
using YamlDotNet.Serialization;

namespace Dray.Core.Expressions.Templates;

/// <summary>Kargo's template-only helpers: <c>quote</c>, <c>unsafeQuote</c>, <c>asJSON</c>, <c>asYAML</c>.</summary>
internal static class TemplateFunctions
{
    public static readonly string[] ReservedNames = ["quote", "asYAML", "asJSON"];

    public static ExpressionEnvironment AddTo(ExpressionEnvironment env) => env
        .WithFunction("quote", a => a.Count == 1 && a[0] is string s ? GoFormat.Quote(s) : UnsafeQuote("quote", a))
        .WithFunction("unsafeQuote", a => UnsafeQuote("unsafeQuote", a))
        .WithFunction("asJSON", a =>
        {
            Args.Count("asJSON", a, 1, 1);
            return "\"" + GoJson.Marshal(a[0], indent: true) + "\n\"";
        })
        .WithFunction("asYAML", a =>
        {
            Args.Count("asYAML", a, 1, 1);
            return "\"" + ToYaml(a[0]) + "\"";
        });

    private static string UnsafeQuote(string name, IReadOnlyList<object?> a)
    {
        Args.Count(name, a, 1, 1);
        return "\"" + GoJson.Marshal(a[0], indent: false) + "\"";
    }

    private static string ToYaml(object? value)
    {
        var serializer = new SerializerBuilder().Build();
        return serializer.Serialize(ToPlain(value, 0));
    }

    // YAML from the value model, with map keys sorted as Go's yaml.v3 writes them.
    private static object? ToPlain(object? value, int depth) => depth > 100
        ? throw new ExpressionException("asYAML: value is nested too deeply")
        : value switch
        {
            ExpressionMap map => map.OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => ToPlain(p.Value, depth + 1), StringComparer.Ordinal),
            IReadOnlyList<object?> list => list.Select(v => ToPlain(v, depth + 1)).ToList(),
            IExpressionScalar scalar => ToPlain(scalar.ToScalar(), depth + 1),
            IExpressionObject obj => obj.JsonFields().ToDictionary(p => p.Key, p => ToPlain(p.Value, depth + 1), StringComparer.Ordinal),
            double d => GoFormat.FormatFloatJson(d),
            long l => l.ToString(CultureInfo.InvariantCulture),
            ExpressionFunction => throw new ExpressionException("asYAML: cannot marshal a function"),
            _ => value,
        };
}
