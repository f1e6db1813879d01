using Dray.Core.Model.Projects;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>Finds the ProjectConfig promotion policy that governs a Stage: the first one that matches.</summary>
public static class PromotionPolicyMatcher
{
    public static PromotionPolicy? Find(ProjectConfig? config, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return config?.Spec?.PromotionPolicies?.FirstOrDefault(p => Matches(p, stage));
    }

    /// <summary>Auto-promotion is on only when a matching policy says so; it is off by default.</summary>
    public static bool AutoPromotionEnabled(ProjectConfig? config, Stage stage) => Find(config, stage)?.AutoPromotionEnabled == true;

    /// <summary>The deprecated <c>stage</c> is an exact name; a selector ANDs its name pattern and its labels.</summary>
    public static bool Matches(PromotionPolicy policy, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stage);
        var name = stage.Metadata.Name ?? "";
        if (policy.Stage is { } exact)
        {
            return string.Equals(exact, name, StringComparison.Ordinal);
        }

        if (policy.StageSelector is not { } selector)
        {
            return false;
        }

        if (selector.Name is { Length: > 0 } pattern
            && !(NamePattern.TryParse(pattern, out var parsed, out _) && parsed!.IsMatch(name)))
        {
            return false;
        }

        return LabelSelectorMatcher.Matches(selector.MatchLabels, selector.MatchExpressions, stage.Metadata.Labels);
    }
}
