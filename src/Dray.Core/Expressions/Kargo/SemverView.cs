using System.Globalization;
using System.Text.RegularExpressions;
using Dray.Core.Expressions.Runtime;

namespace Dray.Core.Expressions.Kargo;

/// <summary>
/// The result of <c>semverParse()</c>: a leniently parsed semantic version ("v1.2" is 1.2.0, as Masterminds
/// semver accepts) with its methods Major(), IncPatch(), String()...; JSON-marshals as its string.
/// </summary>
public sealed partial record SemverView(long Major, long Minor, long Patch, string Prerelease, string Metadata, string Original) : IExpressionScalar
{
    public string TypeName => "*semver.Version";

    public static SemverView? TryParse(string text)
    {
        var match = VersionPattern().Match(text);
        if (!match.Success ||
            !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !TryPart(match.Groups[2], out var minor) || !TryPart(match.Groups[3], out var patch))
        {
            return null;
        }

        return new SemverView(major, minor, patch, match.Groups[4].Value, match.Groups[5].Value, text);
    }

    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}{(Prerelease.Length > 0 ? "-" + Prerelease : "")}{(Metadata.Length > 0 ? "+" + Metadata : "")}";

    public object? ToScalar() => ToString();

    public bool TryGetMember(string name, out object? value)
    {
        value = name switch
        {
            "Major" => Method(name, 0, _ => Major),
            "Minor" => Method(name, 0, _ => Minor),
            "Patch" => Method(name, 0, _ => Patch),
            "Prerelease" => Method(name, 0, _ => Prerelease),
            "Metadata" => Method(name, 0, _ => Metadata),
            "Original" => Method(name, 0, _ => Original),
            "String" => Method(name, 0, _ => ToString()),
            "IncMajor" => Method(name, 0, _ => (this with { Major = Major + 1, Minor = 0, Patch = 0, Prerelease = "", Metadata = "" }).Reoriginate()),
            "IncMinor" => Method(name, 0, _ => (this with { Minor = Minor + 1, Patch = 0, Prerelease = "", Metadata = "" }).Reoriginate()),
            "IncPatch" => Method(name, 0, _ => (Prerelease.Length > 0
                ? this with { Prerelease = "", Metadata = "" }
                : this with { Patch = Patch + 1, Metadata = "" }).Reoriginate()),
            "Compare" => Method(name, 1, a => (long)CompareTo(Other(name, a))),
            "LessThan" => Method(name, 1, a => CompareTo(Other(name, a)) < 0),
            "GreaterThan" => Method(name, 1, a => CompareTo(Other(name, a)) > 0),
            "Equal" => Method(name, 1, a => CompareTo(Other(name, a)) == 0),
            _ => null,
        };
        return value is not null;
    }

    public IEnumerable<KeyValuePair<string, object?>> JsonFields() => [];

    /// <summary>Semantic-version precedence; build metadata is ignored.</summary>
    public int CompareTo(SemverView other)
    {
        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        if (c != 0 || Prerelease == other.Prerelease)
        {
            return c;
        }

        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            return Prerelease.Length == 0 ? 1 : -1;
        }

        var mine = Prerelease.Split('.');
        var theirs = other.Prerelease.Split('.');
        for (var i = 0; i < Math.Min(mine.Length, theirs.Length); i++)
        {
            var a = long.TryParse(mine[i], NumberStyles.None, CultureInfo.InvariantCulture, out var na);
            var b = long.TryParse(theirs[i], NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
            c = (a, b) switch
            {
                (true, true) => na.CompareTo(nb),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(mine[i], theirs[i]),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return mine.Length.CompareTo(theirs.Length);
    }

    private SemverView Reoriginate() => this with { Original = ToString() };

    private static SemverView Other(string name, IReadOnlyList<object?> a) =>
        a[0] as SemverView ?? throw new ExpressionException($"{name}: argument must be a version, got {ExpressionValues.TypeName(a[0])}");

    private static ExpressionFunction Method(string name, int arity, Func<IReadOnlyList<object?>, object?> body) => new(name, args =>
    {
        Args.Count(name, args, arity, arity);
        return body(args);
    });

    private static bool TryPart(Group group, out long value)
    {
        value = 0;
        return !group.Success || long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+([0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionPattern();
}
