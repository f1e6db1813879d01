using System.Text.RegularExpressions;
using Semver;

namespace Dray.Sources.Versioning;

/// <summary>
/// A minimal reading of Masterminds constraints over the npm ranges of the Semver package (commas become AND,
/// <c>=&gt;</c>/<c>=&lt;</c>/<c>~&gt;</c> become <c>&gt;=</c>/<c>&lt;=</c>/<c>~</c>). Stand-in until the full adapter of
/// the OCI sources reaches main; <c>!=</c> is not supported here.
/// </summary>
internal sealed partial class SemverConstraint
{
    private readonly SemVersionRange? range;

    private SemverConstraint(SemVersionRange? range)
    {
        this.range = range;
    }

    public static SemverConstraint Any { get; } = new(null);

    /// <exception cref="FormatException">The constraint cannot be read.</exception>
    public static SemverConstraint Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Any;
        }

        var npm = Comma().Replace(text, " ")
            .Replace("=>", ">=", StringComparison.Ordinal)
            .Replace("=<", "<=", StringComparison.Ordinal)
            .Replace("~>", "~", StringComparison.Ordinal);
        return SemVersionRange.TryParseNpm(npm, out var parsed)
            ? new SemverConstraint(parsed)
            : throw new FormatException($"invalid semver constraint '{text}'");
    }

    public bool IsSatisfiedBy(SemVersion version) => range is null || range.Contains(version);

    /// <summary>Kargo's reading of a version: a leading <c>v</c> is allowed; strict mode requires major, minor and patch.</summary>
    public static SemVersion? ParseVersion(string text, bool strict)
    {
        var styles = SemVersionStyles.AllowV | (strict ? SemVersionStyles.Strict : SemVersionStyles.OptionalMinorPatch);
        return SemVersion.TryParse(text, styles, out var version) ? version : null;
    }

    [GeneratedRegex(@"\s*,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Comma();
}
