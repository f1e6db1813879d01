using System.Globalization;

namespace Dray.Bench;

/// <summary>The <c>--name value</c> options after the benchmark name.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--option value', found '{args[i]}'.", nameof(args));
            }

            _values[args[i][2..]] = args[++i];
        }
    }

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string? GetString(string name) => _values.GetValueOrDefault(name);
}
