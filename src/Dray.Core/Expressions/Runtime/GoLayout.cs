using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// Go reference-time layouts (<c>2006-01-02 15:04:05 -0700</c>) split into elements, for <c>Format</c> and for
/// <c>date(s, layout)</c>. Anything that is not an element is literal text.
/// </summary>
internal static class GoLayout
{
    // Longest first where one element is a prefix of another, as Go's layout scanner decides.
    private static readonly string[] Elements =
    [
        "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "01", "02", "03", "04", "05", "06", "_2", "15",
        "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07", "-07:00:00", "-070000", "-07:00", "-0700", "-07",
        "PM", "pm", "1", "2", "3", "4", "5",
    ];

    /// <summary>The layout as (isElement, text) pieces; fractional seconds (<c>.000</c>, <c>.999</c>) are elements.</summary>
    public static List<(bool Element, string Text)> Split(string layout)
    {
        var pieces = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < layout.Length;)
        {
            var element = Fractional(layout, i) ?? Array.Find(Elements, e => string.CompareOrdinal(layout, i, e, 0, e.Length) == 0);
            if (element is null)
            {
                literal.Append(layout[i++]);
                continue;
            }

            if (literal.Length > 0)
            {
                pieces.Add((false, literal.ToString()));
                literal.Clear();
            }

            pieces.Add((true, element));
            i += element.Length;
        }

        if (literal.Length > 0)
        {
            pieces.Add((false, literal.ToString()));
        }

        return pieces;
    }

    public static string Format(DateTimeOffset t, string layout)
    {
        var sb = new StringBuilder();
        foreach (var (element, text) in Split(layout))
        {
            sb.Append(element ? FormatElement(t, text) : text);
        }

        return sb.ToString();
    }

    /// <summary>The .NET exact-parse pattern for a layout, or an error naming the element it cannot parse.</summary>
    public static string ToParsePattern(string layout)
    {
        var sb = new StringBuilder();
        foreach (var (element, text) in Split(layout))
        {
            if (!element)
            {
                // Escape every literal character: .NET gives quotes, backslashes and letters meaning otherwise.
                foreach (var c in text)
                {
                    sb.Append('\\').Append(c);
                }

                continue;
            }

            sb.Append(text switch
            {
                "January" => "MMMM", "Jan" => "MMM", "Monday" => "dddd", "Mon" => "ddd", "2006" => "yyyy", "06" => "yy",
                "01" => "MM", "1" => "%M", "02" => "dd", "2" => "%d", "15" => "HH", "03" => "hh", "3" => "%h",
                "04" => "mm", "4" => "%m", "05" => "ss", "5" => "%s", "PM" => "tt", "Z07:00" => "K", "-07:00" => "zzz",
                "-07" => "zz",
                _ when text[0] is '.' or ',' => "\\" + text[0] + new string(text[1] is '0' ? 'f' : 'F', text.Length - 1),
                _ => throw new ExpressionException($"date: layout element \"{text}\" is not supported when parsing"),
            });
        }

        return sb.ToString();
    }

    private static string? Fractional(string layout, int i)
    {
        if (layout[i] is not ('.' or ',') || i + 1 >= layout.Length || layout[i + 1] is not ('0' or '9'))
        {
            return null;
        }

        var end = i + 1;
        while (end < layout.Length && layout[end] == layout[i + 1])
        {
            end++;
        }

        // Go only treats the run as fractional seconds when a digit does not follow it.
        return end < layout.Length && char.IsAsciiDigit(layout[end]) ? null : layout[i..end];
    }

    private static string FormatElement(DateTimeOffset t, string element)
    {
        var c = CultureInfo.InvariantCulture;
        return element switch
        {
            "January" => t.ToString("MMMM", c), "Jan" => t.ToString("MMM", c),
            "Monday" => t.ToString("dddd", c), "Mon" => t.ToString("ddd", c),
            "2006" => t.Year.ToString("D4", c), "06" => (t.Year % 100).ToString("D2", c),
            "01" => t.Month.ToString("D2", c), "1" => t.Month.ToString(c),
            "02" => t.Day.ToString("D2", c), "2" => t.Day.ToString(c), "_2" => t.Day.ToString(c).PadLeft(2),
            "002" => t.DayOfYear.ToString("D3", c),
            "15" => t.Hour.ToString("D2", c), "03" => Hour12(t).ToString("D2", c), "3" => Hour12(t).ToString(c),
            "04" => t.Minute.ToString("D2", c), "4" => t.Minute.ToString(c),
            "05" => t.Second.ToString("D2", c), "5" => t.Second.ToString(c),
            "PM" => t.Hour >= 12 ? "PM" : "AM", "pm" => t.Hour >= 12 ? "pm" : "am",
            "MST" => t.Offset == TimeSpan.Zero ? "UTC" : Offset(t.Offset, colon: false, seconds: false, hoursOnly: false),
            _ when element[0] is 'Z' && t.Offset == TimeSpan.Zero => "Z",
            _ when element[0] is 'Z' or '-' => Offset(t.Offset, element.Contains(':'), element.Length is 7 or 9, element.Length == 3),
            _ => Fraction(t, element),
        };
    }

    private static int Hour12(DateTimeOffset t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static string Offset(TimeSpan offset, bool colon, bool seconds, bool hoursOnly)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var separator = colon ? ":" : "";
        var text = sign + abs.Hours.ToString("D2", CultureInfo.InvariantCulture);
        if (!hoursOnly)
        {
            text += separator + abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
        }

        return seconds ? text + separator + abs.Seconds.ToString("D2", CultureInfo.InvariantCulture) : text;
    }

    private static string Fraction(DateTimeOffset t, string element)
    {
        var digits = element.Length - 1;
        var nanos = (t.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(digits, 9)].PadRight(digits, '0');
        if (element[1] == '9')
        {
            nanos = nanos.TrimEnd('0');
            return nanos.Length == 0 ? "" : element[0] + nanos;
        }

        return element[0] + nanos;
    }
}
