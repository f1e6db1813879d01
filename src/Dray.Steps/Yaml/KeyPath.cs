using System.Globalization;
using System.Text;

namespace Dray.Steps.Yaml;

/// <summary>
/// An sjson-style key path: parts separated by <c>.</c>, <c>\.</c> for a literal dot, a numeric part indexes a
/// sequence, and a leading <c>:</c> makes a numeric-looking part a map key.
/// </summary>
internal sealed record KeyPath(IReadOnlyList<KeyPart> Parts)
{
    public static KeyPath Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = new List<KeyPart>();
        var current = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\\' && i + 1 < key.Length)
            {
                current.Append(key[++i]);
            }
            else if (key[i] == '.')
            {
                parts.Add(KeyPart.From(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(key[i]);
            }
        }

        parts.Add(KeyPart.From(current.ToString()));
        return new KeyPath(parts);
    }
}

internal sealed record KeyPart(string Name, int? Index)
{
    public static KeyPart From(string raw) =>
        raw.StartsWith(':')
            ? new KeyPart(raw[1..], null)
            : new KeyPart(raw, int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null);
}
