using System.Text.RegularExpressions;
using Dray.Core.Text;

namespace Dray.Core.Stages;

/// <summary>
/// A Stage name selector: an exact name, or <c>regex:</c>/<c>regexp:</c> (unanchored, like Go's
/// <c>MatchString</c>) or <c>glob:</c> (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[!x]</c>; whole name).
/// </summary>
public sealed class NamePattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly string? exact;
    private readonly Regex? regex;

    private NamePattern(string? exact, Regex? regex)
    {
        this.exact = exact;
        this.regex = regex;
    }

    /// <summary>Parses a selector; returns false with an error for an invalid regex or glob.</summary>
    public static bool TryParse(string text, out NamePattern? pattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        error = null;
        string? source = null;
        foreach (var prefix in new[] { "regexp:", "regex:" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                source = text[prefix.Length..];
                break;
            }
        }

        if (source is null && text.StartsWith("glob:", StringComparison.Ordinal))
        {
            source = GlobPattern.ToRegexSource(text["glob:".Length..]);
        }

        if (source is null)
        {
            pattern = new NamePattern(text, null);
            return true;
        }

        try
        {
            pattern = new NamePattern(null, new Regex(source, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout));
            return true;
        }
        catch (ArgumentException e)
        {
            error = $"invalid pattern \"{text}\": {e.Message}";
            return false;
        }
    }

    public bool IsMatch(string name) => regex?.IsMatch(name) ?? string.Equals(exact, name, StringComparison.Ordinal);
}
