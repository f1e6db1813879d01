using System.Globalization;
using System.Security.Cryptography;

namespace Dray.Core.FreightIdentity;

/// <summary>
/// Generates <c>adjective-animal</c> aliases for Freight that are not yet taken. Random picks come first; once the
/// word space is crowded it scans for a free pair, and when every pair is taken it adds a numeric suffix.
/// </summary>
public sealed class FreightAliasGenerator
{
    private const int RandomAttempts = 64;
    private readonly Func<int, int> _nextIndex;

    public FreightAliasGenerator()
        : this(RandomNumberGenerator.GetInt32)
    {
    }

    /// <param name="nextIndex">Returns a number in <c>[0, n)</c> for a given n; injectable so tests are deterministic.</param>
    internal FreightAliasGenerator(Func<int, int> nextIndex)
    {
        _nextIndex = nextIndex;
    }

    /// <summary>The number of distinct aliases available before numeric suffixes are needed.</summary>
    public static int Capacity => AliasWords.Adjectives.Length * AliasWords.Animals.Length;

    public string Generate(IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var adjectives = AliasWords.Adjectives;
        var animals = AliasWords.Animals;

        for (var attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var alias = $"{adjectives[_nextIndex(adjectives.Length)]}-{animals[_nextIndex(animals.Length)]}";
            if (!taken.Contains(alias))
            {
                return alias;
            }
        }

        var start = _nextIndex(Capacity);
        for (var suffix = 1; ; suffix++)
        {
            for (var offset = 0; offset < Capacity; offset++)
            {
                var index = (start + offset) % Capacity;
                var alias = $"{adjectives[index / animals.Length]}-{animals[index % animals.Length]}"
                    + (suffix == 1 ? "" : "-" + suffix.ToString(CultureInfo.InvariantCulture));
                if (!taken.Contains(alias))
                {
                    return alias;
                }
            }
        }
    }
}
