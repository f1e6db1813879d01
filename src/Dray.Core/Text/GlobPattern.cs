using System.Text;
using System.Text.RegularExpressions;

namespace Dray.Core.Text;

/// <summary>
/// Shell-style globs with <c>/</c> as the separator: <c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> crosses it,
/// <c>[...]</c> and <c>[!...]</c> sets, <c>\\</c> escapes. Used for file paths (steps) and for names (Stage selectors,
/// where names hold no <c>/</c>).
/// </summary>
public static class GlobPattern
{
    public static Regex ToRegex(string glob) =>
        new(ToRegexSource(glob), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The anchored regular expression equivalent to <paramref name="glob"/>.</summary>
    public static string ToRegexSource(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = glob[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    public static bool HasMeta(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;
}
