using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Runtime;

/// <summary>Go's number formatting and quoting rules, so rendered values match what Kargo produces.</summary>
internal static class GoFormat
{
    /// <summary><c>fmt.Sprint(float64)</c>: shortest digits, exponent form when exp &lt; -4 or exp &gt;= 6.</summary>
    public static string FormatFloatG(double value)
    {
        if (TryFormatSpecial(value, out var special))
        {
            return special;
        }

        var (negative, digits, point) = ShortestDecimal(value);
        var exp = point - 1;
        var body = exp < -4 || exp >= 6 ? Exponent(digits, exp) : Fixed(digits, point);
        return negative ? "-" + body : body;
    }

    /// <summary>encoding/json's float64 format: fixed unless |v| &lt; 1e-6 or |v| &gt;= 1e21.</summary>
    public static string FormatFloatJson(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ExpressionException($"json: unsupported value: {FormatFloatG(value)}");
        }

        var (negative, digits, point) = ShortestDecimal(value);
        var abs = Math.Abs(value);
        var body = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? Exponent(digits, point - 1) : Fixed(digits, point);
        // encoding/json shortens "e-07" to "e-7" (but keeps "e+21").
        if (body.Length >= 4 && body[^4] == 'e' && body[^3] == '-' && body[^2] == '0')
        {
            body = body[..^2] + body[^1];
        }

        return negative ? "-" + body : body;
    }

    /// <summary>Go's <c>strconv.Quote</c> (<c>%q</c>).</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append("\\ufffd");
                continue;
            }

            switch (cp)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (IsPrint(cp))
                    {
                        sb.Append(char.ConvertFromUtf32(cp));
                    }
                    else if (cp < 0x80)
                    {
                        sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (cp < 0x10000)
                    {
                        sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Go's <c>strconv.ParseFloat(s, 64)</c>, including inf/nan and hexadecimal forms; false on overflow.</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        var body = s.TrimStart('+', '-');
        if (body.Length != s.Length - 1 && body.Length != s.Length)
        {
            return false;
        }

        var negative = s[0] == '-';
        switch (body.ToLowerInvariant())
        {
            case "inf" or "infinity":
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseHexFloat(body[2..], negative, out value);
        }

        foreach (var c in body)
        {
            if (!char.IsAsciiDigit(c) && c is not '.' and not 'e' and not 'E' and not '+' and not '-')
            {
                return false;
            }
        }

        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return !double.IsInfinity(value);
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    public static bool TryParseBool(string s, out bool value)
    {
        switch (s)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryParseHexFloat(string body, bool negative, out double value)
    {
        value = 0;
        var p = body.IndexOfAny(['p', 'P']);
        var mantissa = p < 0 ? body : body[..p];
        var exponent = 0;
        if (p >= 0 && !int.TryParse(body.AsSpan(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        // Go's hexadecimal float syntax requires the binary exponent: "0x1p-2", not "0x10".
        if (p < 0 || mantissa.Replace(".", "", StringComparison.Ordinal).Length == 0)
        {
            return false;
        }

        double result = 0;
        var fractionDigits = 0;
        var seenDot = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                if (seenDot)
                {
                    return false;
                }

                seenDot = true;
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            result = (result * 16) + Convert.ToInt32(c.ToString(), 16);
            fractionDigits += seenDot ? 1 : 0;
        }

        value = result * Math.Pow(2, exponent - (4 * fractionDigits));
        value = negative ? -value : value;
        return !double.IsInfinity(value);
    }

    private static bool TryFormatSpecial(double value, out string text)
    {
        text = double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : "";
        return text.Length > 0;
    }

    // value = 0.digits * 10^point, digits without leading or trailing zeros ("0" for zero).
    private static (bool Negative, string Digits, int Point) ShortestDecimal(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var exp = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = dot < 0 ? mantissa.Length : dot;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var point = intDigits + exp;
        var trimmedStart = digits.TrimStart('0');
        point -= digits.Length - trimmedStart.Length;
        digits = trimmedStart.TrimEnd('0');
        return digits.Length == 0 ? (negative, "0", 1) : (negative, digits, point);
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length ? digits + new string('0', point - digits.Length) : digits[..point] + "." + digits[point..];
    }

    private static string Exponent(string digits, int exp)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exp < 0 ? "-" : "+";
        var magnitude = Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        return $"{mantissa}e{sign}{(magnitude.Length < 2 ? "0" + magnitude : magnitude)}";
    }

    private static bool IsPrint(int cp)
    {
        if (cp == ' ')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or
            UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or
            UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
