using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dray.Core.Expressions.Runtime;

/// <summary>Type conversion, JSON/Base64, number and bitwise builtins.</summary>
internal static class ConversionBuiltins
{
    public static void Register(Dictionary<string, BuiltinFunction> table)
    {
        table["type"] = (_, a) => { Args.Count("type", a, 1, 1); return ExpressionValues.TypeName(a[0]); };
        table["int"] = (_, a) => { Args.Count("int", a, 1, 1); return ToInt(a[0]); };
        table["float"] = (_, a) => { Args.Count("float", a, 1, 1); return ToFloat(a[0]); };
        table["string"] = (_, a) => { Args.Count("string", a, 1, 1); return ExpressionValues.ToDisplayString(a[0]); };
        table["toJSON"] = (ev, a) =>
        {
            Args.Count("toJSON", a, 1, 1);
            var json = GoJson.Marshal(a[0], indent: true);
            ev.Charge(json.Length / 16);
            return json;
        };
        table["fromJSON"] = (ev, a) =>
        {
            Args.Count("fromJSON", a, 1, 1);
            var text = Args.String("fromJSON", a, 0);
            ev.Charge(text.Length / 16);
            try
            {
                return ExpressionValues.FromJson(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }));
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                throw new ExpressionException($"fromJSON: invalid JSON: {ex.Message}");
            }
        };
        table["toBase64"] = (_, a) =>
        {
            Args.Count("toBase64", a, 1, 1);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.String("toBase64", a, 0)));
        };
        table["fromBase64"] = (_, a) =>
        {
            Args.Count("fromBase64", a, 1, 1);
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(Args.String("fromBase64", a, 0)));
            }
            catch (FormatException)
            {
                throw new ExpressionException("fromBase64: illegal base64 data");
            }
        };
        table["abs"] = (_, a) =>
        {
            Args.Count("abs", a, 1, 1);
            return a[0] switch
            {
                long l => (object)(l < 0 ? unchecked(-l) : l),
                double d => (object)Math.Abs(d),
                _ => throw Args.Type("abs", a, 0, "number"),
            };
        };
        table["ceil"] = (_, a) => Rounding("ceil", a, Math.Ceiling);
        table["floor"] = (_, a) => Rounding("floor", a, Math.Floor);
        table["round"] = (_, a) => Rounding("round", a, d => Math.Round(d, MidpointRounding.AwayFromZero));
        table["max"] = (ev, a) => Extreme(ev, "max", a, wantGreater: true);
        table["min"] = (ev, a) => Extreme(ev, "min", a, wantGreater: false);
        table["mean"] = (ev, a) =>
        {
            var numbers = Numbers(ev, "mean", a);
            return numbers.Count == 0 ? 0.0 : numbers.Average(ExpressionValues.ToDouble);
        };
        table["median"] = (ev, a) =>
        {
            var numbers = Numbers(ev, "median", a).Select(ExpressionValues.ToDouble).Order().ToList();
            return numbers.Count == 0 ? 0.0
                : numbers.Count % 2 == 1 ? numbers[numbers.Count / 2]
                : (numbers[(numbers.Count / 2) - 1] + numbers[numbers.Count / 2]) / 2;
        };
        table["now"] = (ev, a) => { Args.Count("now", a, 0, 0); return new TimeValue(ev.Environment.Time.GetUtcNow()); };
        table["date"] = (_, a) => GoDates.Parse(a);
        table["duration"] = (_, a) => DurationValue.Parse(a);
        table["bitand"] = (_, a) => Bits("bitand", a, (x, y) => x & y);
        table["bitor"] = (_, a) => Bits("bitor", a, (x, y) => x | y);
        table["bitxor"] = (_, a) => Bits("bitxor", a, (x, y) => x ^ y);
        table["bitnand"] = (_, a) => Bits("bitnand", a, (x, y) => x & ~y);
        table["bitshl"] = (_, a) => Bits("bitshl", a, (x, y) => y is < 0 or > 63 ? 0 : x << (int)y);
        table["bitshr"] = (_, a) => Bits("bitshr", a, (x, y) => y is < 0 or > 63 ? (x < 0 ? -1 : 0) : x >> (int)y);
        table["bitushr"] = (_, a) => Bits("bitushr", a, (x, y) => y is < 0 or > 63 ? 0 : (long)((ulong)x >> (int)y));
        table["bitnot"] = (_, a) => { Args.Count("bitnot", a, 1, 1); return ~Args.Integer("bitnot", a, 0); };
    }

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        string s => throw new ExpressionException($"int: cannot parse \"{s}\" as an integer"),
        _ => throw new ExpressionException($"int: invalid argument type {ExpressionValues.TypeName(value)}"),
    };

    private static double ToFloat(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when GoFormat.TryParseFloat(s, out var d) => d,
        string s => throw new ExpressionException($"float: cannot parse \"{s}\" as a float"),
        _ => throw new ExpressionException($"float: invalid argument type {ExpressionValues.TypeName(value)}"),
    };

    private static double Rounding(string name, IReadOnlyList<object?> a, Func<double, double> round)
    {
        Args.Count(name, a, 1, 1);
        return a[0] is long or double ? round(ExpressionValues.ToDouble(a[0])) : throw Args.Type(name, a, 0, "number");
    }

    private static long Bits(string name, IReadOnlyList<object?> a, Func<long, long, long> op)
    {
        Args.Count(name, a, 2, 2);
        return op(Args.Integer(name, a, 0), Args.Integer(name, a, 1));
    }

    // Arguments may be numbers or arrays of numbers, flattened, as expr-lang's aggregate functions allow.
    private static List<object?> Numbers(Evaluator ev, string name, IReadOnlyList<object?> a)
    {
        var numbers = new List<object?>();
        foreach (var arg in a)
        {
            Collect(ev, name, arg, numbers, 0);
        }

        return numbers;
    }

    private static void Collect(Evaluator ev, string name, object? value, List<object?> into, int depth)
    {
        ev.Charge(1);
        switch (value)
        {
            case long or double:
                into.Add(value);
                break;
            case IReadOnlyList<object?> list when depth < 32:
                foreach (var item in list)
                {
                    Collect(ev, name, item, into, depth + 1);
                }

                break;
            default:
                throw new ExpressionException($"invalid argument for {name} (type {ExpressionValues.TypeName(value)})");
        }
    }

    private static object? Extreme(Evaluator ev, string name, IReadOnlyList<object?> a, bool wantGreater)
    {
        var numbers = Numbers(ev, name, a);
        if (numbers.Count == 0)
        {
            throw new ExpressionException($"not enough arguments to call {name}");
        }

        var best = numbers[0];
        foreach (var candidate in numbers.Skip(1))
        {
            var c = Arithmetic.Compare(name, candidate, best);
            if (c is not null && (wantGreater ? c > 0 : c < 0))
            {
                best = candidate;
            }
        }

        return best;
    }
}
