using System.Text.RegularExpressions;
using Semver;

namespace Dray.Core.Manifests.Checks;

/// <summary>Checks semantic version constraints (Masterminds syntax) and regular expressions.</summary>
public static class PatternChecks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Null when the constraint parses, else why not.</summary>
    public static string? CheckSemverConstraint(string constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (constraint.Trim().Length == 0)
        {
            return null;
        }

        foreach (var alternative in constraint.Split("||"))
        {
            // Masterminds separates AND-ed comparators with commas or spaces; npm syntax only with spaces.
            // It also accepts a 'v' prefix and '!=' comparators, which npm ranges do not.
            var parts = alternative.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var kept = new List<string>();
            foreach (var part in Join(parts))
            {
                if (part.StartsWith("!=", StringComparison.Ordinal))
                {
                    if (!SemVersion.TryParse(StripV(part[2..].Trim()), SemVersionStyles.Any, out _))
                    {
                        return $"invalid semver constraint \"{constraint}\": \"{part}\" is not a version";
                    }

                    continue;
                }

                kept.Add(StripV(part));
            }

            var text = kept.Count == 0 ? "*" : string.Join(' ', kept);
            if (!SemVersionRange.TryParseNpm(text, includeAllPrerelease: false, out _))
            {
                return $"invalid semver constraint \"{constraint}\": use forms like ^1.24.0, ~1.2, >=1.0.0 <2.0.0, 1.x, joined with ||";
            }
        }

        return null;
    }

    /// <summary>Null when the pattern compiles, else why not.</summary>
    public static string? CheckRegex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"invalid regular expression \"{pattern}\": {e.Message}";
        }
    }

    // Re-attach an operator written apart from its version (">= 1.0.0").
    private static IEnumerable<string> Join(List<string> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is ">" or ">=" or "<" or "<=" or "=" or "~" or "^" or "!=" or "~>" && i + 1 < parts.Count)
            {
                part += parts[++i];
            }

            yield return part;
        }
    }

    private static string StripV(string comparator)
    {
        var op = 0;
        while (op < comparator.Length && comparator[op] is '<' or '>' or '=' or '~' or '^' or '!')
        {
            op++;
        }

        var rest = comparator[op..];
        var prefix = comparator[..op] == "~>" ? "~" : comparator[..op];
        return prefix + (rest.StartsWith('v') || rest.StartsWith('V') ? rest[1..] : rest);
    }
}
