using System.Numerics;
using Semver;

namespace Dray.Core.Versioning;

/// <summary>
/// One comparison of a Masterminds constraint, such as <c>&gt;=1.2</c> or <c>~1.x</c>. A partial or
/// wildcard version is padded with zeros, and which part was left open is remembered, because
/// Masterminds gives open parts range meaning (<c>&gt;1.2</c> means 1.3.0 or later).
/// </summary>
internal sealed record VersionComparator(string Operator, SemVersion Version, bool OpenMajor, bool OpenMinor, bool OpenPatch)
{
    private bool Open => OpenMajor || OpenMinor || OpenPatch;

    public bool Matches(SemVersion candidate)
    {
        // Masterminds rule: a pre-release only satisfies a comparison that itself names a pre-release
        // (an exact "!=" is the one exception).
        if (candidate.IsPrerelease && !Version.IsPrerelease && !(Operator == "!=" && !Open))
        {
            return false;
        }

        return Operator switch
        {
            "" or "=" => Open ? Tilde(candidate) : Compare(candidate) == 0,
            "!=" => NotEqual(candidate),
            ">" => GreaterThan(candidate),
            ">=" or "=>" => Compare(candidate) >= 0,
            "<" => Compare(candidate) < 0,
            "<=" or "=<" => LessOrEqual(candidate),
            "~" or "~>" => Tilde(candidate),
            "^" => Caret(candidate),
            _ => false,
        };
    }

    public override string ToString() => Operator + Version;

    private int Compare(SemVersion candidate) => SemVersion.ComparePrecedence(candidate, Version);

    private bool NotEqual(SemVersion candidate)
    {
        if (!Open || OpenMajor)
        {
            return Compare(candidate) != 0;
        }

        if (candidate.Major != Version.Major)
        {
            return true;
        }

        if (OpenMinor)
        {
            return false;
        }

        return candidate.Minor != Version.Minor
            || (candidate.IsPrerelease || Version.IsPrerelease) && candidate.Prerelease != Version.Prerelease;
    }

    private bool GreaterThan(SemVersion candidate)
    {
        if (!Open || OpenMajor)
        {
            return Compare(candidate) > 0;
        }

        if (candidate.Major != Version.Major)
        {
            return candidate.Major > Version.Major;
        }

        return !OpenMinor && candidate.Minor > Version.Minor;
    }

    private bool LessOrEqual(SemVersion candidate)
    {
        if (!Open)
        {
            return Compare(candidate) <= 0;
        }

        return candidate.Major < Version.Major
            || (candidate.Major == Version.Major && (OpenMinor || candidate.Minor <= Version.Minor));
    }

    private bool Tilde(SemVersion candidate)
    {
        if (Compare(candidate) < 0)
        {
            return false;
        }

        // "~0.0.0", "*" and "x" accept everything at or above zero.
        if (Version.Major.IsZero && Version.Minor.IsZero && Version.Patch.IsZero && !OpenMinor && !OpenPatch)
        {
            return true;
        }

        return candidate.Major == Version.Major && (OpenMinor || candidate.Minor == Version.Minor);
    }

    private bool Caret(SemVersion candidate)
    {
        if (Compare(candidate) < 0)
        {
            return false;
        }

        if (Version.Major > BigInteger.Zero || OpenMinor)
        {
            return candidate.Major == Version.Major;
        }

        if (candidate.Major > BigInteger.Zero)
        {
            return false;
        }

        if (Version.Minor > BigInteger.Zero || OpenPatch)
        {
            return candidate.Minor == Version.Minor;
        }

        return candidate.Minor.IsZero && candidate.Patch == Version.Patch;
    }
}
