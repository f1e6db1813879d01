using System.Text.RegularExpressions;

namespace Dray.Sources.Oci;

/// <summary>
/// <c>allowTagsRegexes</c> (a tag must match one, when any are given) and <c>ignoreTagsRegexes</c>
/// (which win). Non-backtracking matching keeps user patterns linear-time, like Go's RE2.
/// </summary>
public sealed class TagFilter
{
    private readonly IReadOnlyList<Regex> _allow;
    private readonly IReadOnlyList<Regex> _ignore;

    private TagFilter(IReadOnlyList<Regex> allow, IReadOnlyList<Regex> ignore)
    {
        _allow = allow;
        _ignore = ignore;
    }

    public static TagFilter All { get; } = new([], []);

    public static TagFilter Create(IEnumerable<string>? allow, IEnumerable<string>? ignore) =>
        new(Compile(allow, "allowTagsRegexes"), Compile(ignore, "ignoreTagsRegexes"));

    public bool Matches(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return (_allow.Count == 0 || _allow.Any(r => r.IsMatch(tag))) && !_ignore.Any(r => r.IsMatch(tag));
    }

    private static List<Regex> Compile(IEnumerable<string>? patterns, string field)
    {
        var result = new List<Regex>();
        foreach (var pattern in patterns ?? [])
        {
            try
            {
                result.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new FormatException($"{field}: '{pattern}' is not a valid regular expression: {ex.Message}", ex);
            }
        }

        return result;
    }
}
