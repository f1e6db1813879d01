using System.Globalization;
using System.Text.RegularExpressions;

namespace Dray.Core.Manifests;

/// <summary>Builds and splits field paths of the form <c>spec.subscriptions[0].image['a.b/c']</c>.</summary>
internal static partial class FieldPath
{
    public static string Child(string parent, string key)
    {
        var segment = SimpleKey().IsMatch(key) ? key : $"['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";
        if (parent.Length == 0)
        {
            return segment.StartsWith('[') ? segment : key;
        }

        return segment.StartsWith('[') ? parent + segment : parent + "." + segment;
    }

    public static string Index(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The enclosing path, or null for the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (path.EndsWith(']'))
        {
            var open = path.EndsWith("']", StringComparison.Ordinal)
                ? path.LastIndexOf("['", StringComparison.Ordinal)
                : path.LastIndexOf('[');
            return open <= 0 ? "" : path[..open];
        }

        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$-]*$")]
    private static partial Regex SimpleKey();
}
