using Dray.Core.Model.Common;

namespace Dray.Core.Stages;

/// <summary>Kubernetes label selector semantics: every <c>matchLabels</c> pair and every expression must hold.</summary>
public static class LabelSelectorMatcher
{
    public static bool Matches(
        IReadOnlyDictionary<string, string>? matchLabels,
        IReadOnlyList<LabelSelectorRequirement>? matchExpressions,
        IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in matchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return (matchExpressions ?? []).All(r => Matches(r, labels));
    }

    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string>? labels) =>
        selector is null || Matches(selector.MatchLabels, selector.MatchExpressions, labels);

    private static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            "In" => present && values.Contains(value),
            "NotIn" => !present || !values.Contains(value),
            "Exists" => present,
            "DoesNotExist" => !present,
            // An unknown operator selects nothing rather than everything.
            _ => false,
        };
    }
}
