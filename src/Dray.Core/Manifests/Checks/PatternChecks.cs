using System.Text.RegularExpressions;
using Dray.Core.Versioning;

namespace Dray.Core.Manifests.Checks;

/// <summary>Checks semantic version constraints (Masterminds syntax) and regular expressions.</summary>
public static class PatternChecks
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Null when the constraint parses (Masterminds syntax, as Kargo accepts it), else why not.</summary>
    public static string? CheckSemverConstraint(string constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        if (constraint.Trim().Length == 0 || MastermindsConstraint.TryParse(constraint, out _, out _))
        {
            return null;
        }

        return $"invalid semver constraint \"{constraint}\": use forms like ^1.24.0, ~1.2, >=1.0.0 <2.0.0, 1.x, joined with ||";
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
}
