using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// Marshals expression values the way Go's encoding/json does: map keys sorted, struct fields in declaration
/// order, HTML-sensitive characters escaped, floats in Go's shortest format.
/// </summary>
internal static class GoJson
{
    private const int MaxDepth = 200;

    public static string Marshal(object? value, bool indent)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, 0);
        return sb.ToString();
    }

    public static string QuoteString(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        WriteString(sb, s);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool indent, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException("json: value is nested too deeply");
        }

        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(GoFormat.FormatFloatJson(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case ExpressionMap map:
                WriteObject(sb, map.OrderBy(p => p.Key, StringComparer.Ordinal), indent, depth);
                break;
            case IReadOnlyList<object?> list:
                WriteArray(sb, list, indent, depth);
                break;
            case DurationValue duration:
                // Go marshals time.Duration as its int64 count of nanoseconds.
                sb.Append(duration.Nanoseconds.ToString(CultureInfo.InvariantCulture));
                break;
            case IExpressionScalar scalar:
                Write(sb, scalar.ToScalar(), indent, depth + 1);
                break;
            case IExpressionObject obj:
                WriteObject(sb, obj.JsonFields(), indent, depth);
                break;
            case ExpressionFunction:
                throw new ExpressionException("json: unsupported type: func");
            default:
                throw new ExpressionException($"json: unsupported type: {value.GetType().Name}");
        }
    }

    private static void WriteObject(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> fields, bool indent, int depth)
    {
        sb.Append('{');
        var any = false;
        foreach (var (key, value) in fields)
        {
            sb.Append(any ? "," : "");
            NewLine(sb, indent, depth + 1);
            WriteString(sb, key);
            sb.Append(indent ? ": " : ":");
            Write(sb, value, indent, depth + 1);
            any = true;
        }

        if (any)
        {
            NewLine(sb, indent, depth);
        }

        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, IReadOnlyList<object?> list, bool indent, int depth)
    {
        sb.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            sb.Append(i > 0 ? "," : "");
            NewLine(sb, indent, depth + 1);
            Write(sb, list[i], indent, depth + 1);
        }

        if (list.Count > 0)
        {
            NewLine(sb, indent, depth);
        }

        sb.Append(']');
    }

    private static void NewLine(StringBuilder sb, bool indent, int depth)
    {
        if (indent)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append("\\ufffd");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
