using System.Text.RegularExpressions;
using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Git;

/// <summary>Filters tags with the allow/ignore regexes and the strategy's own rules, then orders them best first.</summary>
internal static class GitTagSelector
{
    public static IReadOnlyList<GitTag> Select(IEnumerable<GitTag> tags, GitSubscription subscription, GitCommitSelectionStrategy strategy)
    {
        var allow = Compile(subscription.AllowTagsRegexes, "allowTagsRegexes");
        var ignore = Compile(subscription.IgnoreTagsRegexes, "ignoreTagsRegexes");
        var candidates = tags.Where(t => (allow.Count == 0 || allow.Any(r => r.IsMatch(t.Name))) && !ignore.Any(r => r.IsMatch(t.Name)));
        return strategy switch
        {
            GitCommitSelectionStrategy.SemVer => BySemver(candidates, subscription),
            GitCommitSelectionStrategy.Lexical => candidates.OrderByDescending(t => t.Name, StringComparer.Ordinal).ToList(),
            GitCommitSelectionStrategy.NewestTag => candidates
                .OrderByDescending(t => t.CreatorDate)
                .ThenByDescending(t => t.Name, StringComparer.Ordinal)
                .ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "not a tag strategy"),
        };
    }

    private static List<GitTag> BySemver(IEnumerable<GitTag> tags, GitSubscription subscription)
    {
        if (!GitSemVerTagRule.TryCreate(subscription, out var rule, out var error))
        {
            throw new GitException(GitErrorKind.InvalidSubscription, error);
        }

        var byName = tags.ToDictionary(t => t.Name, StringComparer.Ordinal);
        return rule.Order(byName.Keys).Select(n => byName[n]).ToList();
    }

    private static List<Regex> Compile(IReadOnlyList<string>? patterns, string field)
    {
        var result = new List<Regex>();
        foreach (var pattern in patterns ?? [])
        {
            try
            {
                result.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
            }
            catch (ArgumentException e)
            {
                throw new GitException(GitErrorKind.InvalidSubscription, $"{field}: '{pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return result;
    }
}
