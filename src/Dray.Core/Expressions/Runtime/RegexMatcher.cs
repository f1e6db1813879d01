using System.Text.RegularExpressions;

namespace Dray.Core.Expressions.Runtime;

/// <summary>
/// The <c>matches</c> operator. Like Go's RE2, the non-backtracking engine matches in linear time and rejects
/// backreferences and lookarounds; the timeout is a second line of defence.
/// </summary>
internal sealed class RegexMatcher(TimeSpan timeout)
{
    private readonly Dictionary<string, Regex> _cache = new(StringComparer.Ordinal);

    public bool IsMatch(object? left, object? right)
    {
        if (left is not string input || right is not string pattern)
        {
            throw new ExpressionException($"invalid operation: matches (mismatched types {ExpressionValues.TypeName(left)} and {ExpressionValues.TypeName(right)})");
        }

        if (!_cache.TryGetValue(pattern, out var regex))
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new ExpressionException($"invalid regular expression: {ex.Message}");
            }

            _cache[pattern] = regex;
        }

        return regex.IsMatch(input);
    }
}
