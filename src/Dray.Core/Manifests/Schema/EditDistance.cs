namespace Dray.Core.Manifests.Schema;

/// <summary>Damerau–Levenshtein distance (optimal string alignment), used to suggest the field the user meant.</summary>
public static class EditDistance
{
    public static int Compute(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The candidate closest to <paramref name="input"/> (ignoring case), or null when none is close enough to be a typo.
    /// <paramref name="aliases"/> maps former names to today's: a typo of a former name suggests today's name.
    /// </summary>
    public static string? Suggest(string input, IEnumerable<string> candidates, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var pool = candidates.Select(c => (Name: c, Target: c)).ToList();
        if (aliases is not null)
        {
            var valid = pool.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            pool.AddRange(aliases.Where(a => valid.Contains(a.Value)).Select(a => (Name: a.Key, Target: a.Value)));
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, target) in pool)
        {
            var distance = Compute(input.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = target;
            }
        }

        var limit = Math.Max(2, input.Length / 3);
        return bestDistance <= limit ? best : null;
    }
}
