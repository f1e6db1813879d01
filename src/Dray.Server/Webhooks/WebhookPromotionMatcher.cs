using System.Text.Json;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Promotions;

namespace Dray.Server.Webhooks;

/// <summary>
/// Which Promotions a merged or closed pull request concerns: those Running with their current step a
/// <c>git-wait-for-pr</c> on the payload's repository (URLs compared normalized) and, when both are known, on the same
/// pull request number. A <c>repoURL</c> or <c>prNumber</c> that is an expression is taken to match: one poll too
/// many costs one API call, a missed wake-up costs a whole poll interval.
/// </summary>
public static class WebhookPromotionMatcher
{
    public const string WaitStep = "git-wait-for-pr";

    public static IReadOnlyList<string> Match(IEnumerable<Promotion> promotions, WebhookEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var wanted = pullRequest.RepoUrls.Select(GitUrl.Normalize).ToHashSet(StringComparer.Ordinal);
        var selected = new List<string>();
        foreach (var promotion in promotions)
        {
            if (promotion.Status is not { Phase: PromotionPhase.Running } status)
            {
                continue;
            }

            var index = status.CurrentStep ?? 0;
            if (index < 0 || index >= promotion.Spec.Steps.Count)
            {
                continue;
            }

            var step = promotion.Spec.Steps[(int)index];
            if (step.Uses == WaitStep && step.Config is { ValueKind: JsonValueKind.Object } config
                && RepositoryMatches(config, wanted) && NumberMatches(config, pullRequest.PullRequest))
            {
                selected.Add(promotion.Metadata.Name ?? "");
            }
        }

        return selected;
    }

    private static bool RepositoryMatches(JsonElement config, HashSet<string> wanted) =>
        config.TryGetProperty("repoURL", out var url) && url.ValueKind == JsonValueKind.String && url.GetString() is { Length: > 0 } text
        && (IsExpression(text) || wanted.Contains(GitUrl.Normalize(text)));

    private static bool NumberMatches(JsonElement config, long? number)
    {
        if (number is null || !config.TryGetProperty("prNumber", out var configured))
        {
            return true;
        }

        return configured.ValueKind switch
        {
            JsonValueKind.Number => !configured.TryGetInt64(out var n) || n == number,
            JsonValueKind.String when long.TryParse(configured.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) => n == number,
            _ => true,
        };
    }

    private static bool IsExpression(string text) => text.Contains("${{", StringComparison.Ordinal);
}
