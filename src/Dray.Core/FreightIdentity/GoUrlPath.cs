using System.Text;

namespace Dray.Core.FreightIdentity;

/// <summary>The parts of Go's <c>net/url</c> path handling that decide how a normalized Git URL is spelled.</summary>
internal static class GoUrlPath
{
    private const string SubDelims = "!$&'()*+,;=:@[]";

    /// <summary>Decodes <c>%XX</c> escapes; null when an escape is malformed (Go's parser rejects the URL).</summary>
    public static string? Unescape(string raw)
    {
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%')
            {
                if (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(raw[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// How Go prints a path it parsed from <paramref name="raw"/> and then changed to <paramref name="path"/>:
    /// the original spelling survives only when the path is unchanged and was validly encoded.
    /// </summary>
    public static string Print(string raw, string decoded, string path) =>
        path == decoded && IsValidEncoded(raw) ? raw : Escape(path);

    private static bool IsValidEncoded(string raw) =>
        raw.All(c => c == '%' || SubDelims.Contains(c, StringComparison.Ordinal) || !ShouldEscape(c));

    private static string Escape(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && !ShouldEscape(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool ShouldEscape(char c) =>
        !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '@');
}
