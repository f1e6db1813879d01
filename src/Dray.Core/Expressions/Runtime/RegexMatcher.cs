using System.Text.RegularExpressions;

namespace Dray.Core.Expressions.Runtime;

/// <summary>The <c>matches</c> operator: patterns compiled once per evaluation, every match bounded by a timeout.</summary>
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
                regex = new Regex(pattern, RegexOptions.CultureInvariant, timeout);
            }
            catch (ArgumentException ex)
            {
                throw new ExpressionException($"invalid regular expression: {ex.Message}");
            }

            _cache[pattern] = regex;
        }

        return regex.IsMatch(input);
    }
}
