using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Semver;

namespace Dray.Core.Versioning;

/// <summary>
/// A version constraint in the syntax Kargo accepts (Masterminds/semver v3): <c>||</c> separates
/// alternatives; comparisons inside one alternative are joined by commas or spaces and must all hold;
/// <c>1.2 - 1.4.5</c> is an inclusive range; <c>^</c>, <c>~</c>, <c>~&gt;</c>, <c>x</c>/<c>X</c>/<c>*</c> wildcards.
/// Semver's npm ranges differ on pre-releases, commas and <c>=&gt;</c>/<c>=&lt;</c>/<c>~&gt;</c>, hence this adapter.
/// </summary>
public sealed partial class MastermindsConstraint
{
    private const string VersionPattern =
        @"v?(?:[0-9]+|[xX*])(?:\.(?:[0-9]+|[xX*]))?(?:\.(?:[0-9]+|[xX*]))?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?";

    private const string ItemPattern = @"(?:!=|>=|=>|<=|=<|~>|\^|~|>|<|=)?\s*" + VersionPattern;

    private readonly IReadOnlyList<IReadOnlyList<VersionComparator>> _alternatives;

    private MastermindsConstraint(string text, IReadOnlyList<IReadOnlyList<VersionComparator>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public override string ToString() => Text;

    public static MastermindsConstraint Parse(string text) =>
        TryParse(text, out var constraint, out var error) ? constraint : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out MastermindsConstraint? constraint, [NotNullWhen(false)] out string? error)
    {
        constraint = null;
        var source = text ?? string.Empty;
        var rewritten = HyphenRange().Replace(source, m => $" >= {m.Groups["low"].Value}, <= {m.Groups["high"].Value} ");
        var alternatives = new List<IReadOnlyList<VersionComparator>>();
        foreach (var alternative in rewritten.Split("||"))
        {
            var match = Alternative().Match(alternative);
            if (!match.Success)
            {
                error = $"invalid version constraint '{source}': cannot read '{alternative.Trim()}'";
                return false;
            }

            alternatives.Add(match.Groups["item"].Captures.Select(c => ParseItem(c.Value)).ToList());
        }

        constraint = new MastermindsConstraint(source, alternatives);
        error = null;
        return true;
    }

    public bool IsSatisfiedBy(SemVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _alternatives.Any(all => all.All(c => c.Matches(version)));
    }

    private static VersionComparator ParseItem(string item)
    {
        var match = Item().Match(item);
        var op = match.Groups["op"].Value;
        var parts = match.Groups["core"].Value.Split('.');
        var suffix = match.Groups["pre"].Value + match.Groups["meta"].Value;
        static bool IsOpen(string[] parts, int index) => parts.Length <= index || parts[index] is "x" or "X" or "*";
        var openMajor = IsOpen(parts, 0);
        var openMinor = !openMajor && IsOpen(parts, 1);
        var openPatch = !openMajor && !openMinor && IsOpen(parts, 2);
        var core = openMajor ? "0.0.0"
            : openMinor ? $"{parts[0]}.0.0"
            : openPatch ? $"{parts[0]}.{parts[1]}.0"
            : $"{parts[0]}.{parts[1]}.{parts[2]}";
        var version = SemVersion.Parse(core + suffix, SemVersionStyles.AllowLeadingZeros);
        return new VersionComparator(op, version, openMajor, openMinor, openPatch);
    }

    [GeneratedRegex(@"^\s*(?<item>" + ItemPattern + @")\s*(?:(?:\s+|,\s*)(?<item>" + ItemPattern + @")\s*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Alternative();

    [GeneratedRegex(@"^(?<op>!=|>=|=>|<=|=<|~>|\^|~|>|<|=)?\s*v?(?<core>(?:[0-9]+|[xX*])(?:\.(?:[0-9]+|[xX*]))?(?:\.(?:[0-9]+|[xX*]))?)(?<pre>-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?<meta>\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    [GeneratedRegex(@"\s*(?<low>" + VersionPattern + @")\s+-\s+(?<high>" + VersionPattern + @")\s*", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenRange();
}
