using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Runtime;

/// <summary>String builtins (expr-lang "String Functions").</summary>
internal static class StringBuiltins
{
    public static void Register(Dictionary<string, BuiltinFunction> table)
    {
        table["trim"] = (_, a) =>
        {
            Args.Count("trim", a, 1, 2);
            var s = Args.String("trim", a, 0);
            return a.Count == 1 ? s.Trim() : s.Trim(Args.String("trim", a, 1).ToCharArray());
        };
        table["trimPrefix"] = (_, a) => Pair("trimPrefix", a, (s, p) => s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s);
        table["trimSuffix"] = (_, a) => Pair("trimSuffix", a, (s, p) => s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s);
        table["upper"] = (_, a) => Single("upper", a, s => s.ToUpperInvariant());
        table["lower"] = (_, a) => Single("lower", a, s => s.ToLowerInvariant());
        table["split"] = (ev, a) => Split(ev, "split", a, after: false);
        table["splitAfter"] = (ev, a) => Split(ev, "splitAfter", a, after: true);
        table["replace"] = (ev, a) =>
        {
            Args.Count("replace", a, 3, 3);
            var s = Args.String("replace", a, 0);
            var old = Args.String("replace", a, 1);
            var replacement = Args.String("replace", a, 2);
            ev.Charge(s.Length / 16);
            return old.Length == 0 ? InsertEverywhere(s, replacement) : s.Replace(old, replacement, StringComparison.Ordinal);
        };
        table["repeat"] = (ev, a) =>
        {
            Args.Count("repeat", a, 2, 2);
            var s = Args.String("repeat", a, 0);
            var n = Args.Integer("repeat", a, 1);
            if (n < 0)
            {
                throw new ExpressionException("negative repeat count");
            }

            ev.Charge((long)Math.Min((double)s.Length * n / 16, long.MaxValue / 2));
            return new StringBuilder().Insert(0, s, (int)Math.Min(n, int.MaxValue)).ToString();
        };
        table["indexOf"] = (_, a) => Pair("indexOf", a, (s, sub) => (long)s.IndexOf(sub, StringComparison.Ordinal));
        table["lastIndexOf"] = (_, a) => Pair("lastIndexOf", a, (s, sub) => (long)s.LastIndexOf(sub, StringComparison.Ordinal));
        table["hasPrefix"] = (_, a) => Pair("hasPrefix", a, (s, p) => s.StartsWith(p, StringComparison.Ordinal));
        table["hasSuffix"] = (_, a) => Pair("hasSuffix", a, (s, p) => s.EndsWith(p, StringComparison.Ordinal));
        table["join"] = (ev, a) =>
        {
            Args.Count("join", a, 1, 2);
            var list = Args.List("join", a, 0);
            var separator = a.Count == 2 ? Args.String("join", a, 1) : "";
            ev.Charge(list.Count);
            return string.Join(separator, list.Select(item => item as string ?? throw new ExpressionException($"join: array element must be string, got {ExpressionValues.TypeName(item)}")));
        };
    }

    private static object Single(string name, IReadOnlyList<object?> a, Func<string, object> body)
    {
        Args.Count(name, a, 1, 1);
        return body(Args.String(name, a, 0));
    }

    private static object Pair(string name, IReadOnlyList<object?> a, Func<string, string, object> body)
    {
        Args.Count(name, a, 2, 2);
        return body(Args.String(name, a, 0), Args.String(name, a, 1));
    }

    // Go's strings.SplitN / SplitAfterN: n > 0 caps the parts, n == 0 gives none, n < 0 gives all.
    private static List<object?> Split(Evaluator ev, string name, IReadOnlyList<object?> a, bool after)
    {
        Args.Count(name, a, 2, 3);
        var s = Args.String(name, a, 0);
        var separator = Args.String(name, a, 1);
        var n = a.Count == 3 ? Args.Integer(name, a, 2) : -1;
        ev.Charge(s.Length / 8);
        var parts = new List<object?>();
        if (n == 0)
        {
            return parts;
        }

        if (separator.Length == 0)
        {
            var elements = StringInfo.GetTextElementEnumerator(s);
            while (elements.MoveNext())
            {
                if (n > 0 && parts.Count == n - 1)
                {
                    parts.Add(s[elements.ElementIndex..]);
                    return parts;
                }

                parts.Add(elements.GetTextElement());
            }

            return parts;
        }

        var start = 0;
        while (n < 0 || parts.Count < n - 1)
        {
            var at = s.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            parts.Add(s[start..(after ? at + separator.Length : at)]);
            start = at + separator.Length;
        }

        parts.Add(s[start..]);
        return parts;
    }

    private static string InsertEverywhere(string s, string insert)
    {
        var sb = new StringBuilder(insert);
        foreach (var c in s)
        {
            sb.Append(c).Append(insert);
        }

        return sb.ToString();
    }
}
