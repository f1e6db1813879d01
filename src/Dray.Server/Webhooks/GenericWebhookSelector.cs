using Dray.Core.Expressions;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Warehouses;
using Dray.Core.Stages;

namespace Dray.Server.Webhooks;

/// <summary>
/// The generic receiver: every <c>Refresh</c> action whose <c>whenExpression</c> holds selects the Warehouses that
/// meet all of one target's criteria (name, label selector, index selector on <c>subscribedURLs</c>).
/// </summary>
public static class GenericWebhookSelector
{
    /// <exception cref="ExpressionException">An expression fails, or a criterion is malformed.</exception>
    public static IReadOnlyList<string> Select(GenericWebhookReceiver receiver, WebhookRequest request, IReadOnlyList<Warehouse> warehouses, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(warehouses);
        var body = request.ParsedBody();
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var action in receiver.Actions ?? [])
        {
            var env = GenericWebhookEnvironment.For(request, body, action, time);
            if (action.Action != GenericWebhookActionType.Refresh || !GenericWebhookEnvironment.Condition(action.WhenExpression, env))
            {
                continue;
            }

            foreach (var criteria in action.TargetSelectionCriteria ?? [])
            {
                selected.UnionWith(Targets(criteria, warehouses, env));
            }
        }

        return [.. selected];
    }

    private static IEnumerable<string> Targets(GenericWebhookTargetSelectionCriteria criteria, IReadOnlyList<Warehouse> warehouses, ExpressionEnvironment env)
    {
        if (criteria.Name is null && criteria.LabelSelector is null && criteria.IndexSelector is null)
        {
            throw new ExpressionException("a target needs at least one of name, labelSelector and indexSelector");
        }

        var name = criteria.Name is null ? null : GenericWebhookEnvironment.Text(criteria.Name, env);
        var indices = (criteria.IndexSelector?.MatchIndices ?? [])
            .Select(r => (r.Key, IsEqual: IsEquals(r.Operator), Value: GenericWebhookEnvironment.Text(r.Value, env)))
            .ToList();
        return warehouses
            .Where(w => name is null || w.Metadata.Name == name)
            .Where(w => LabelSelectorMatcher.Matches(criteria.LabelSelector, w.Metadata.Labels))
            .Where(w => indices.All(i => IndexMatches(w, i.Key, i.IsEqual, i.Value)))
            .Select(w => w.Metadata.Name ?? "");
    }

    private static bool IndexMatches(Warehouse warehouse, IndexSelectorKey key, bool equals, string value)
    {
        // A Warehouse has no receiver paths; only subscribed URLs can match it.
        var present = key == IndexSelectorKey.SubscribedUrls && SubscribedUrls(warehouse).Contains(value);
        return present == equals;
    }

    /// <summary>Each subscription's URL in its normalized form, as <c>normalizeGit</c> and friends produce it.</summary>
    private static HashSet<string> SubscribedUrls(Warehouse warehouse) =>
        warehouse.Spec.Subscriptions
            .Select(s => s.Git is { } git ? GitUrl.Normalize(git.RepoURL)
                : s.Image is { } image ? ImageUrl.Normalize(image.RepoURL)
                : s.Chart is { } chart ? ChartUrl.Normalize(chart.RepoURL)
                : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsEquals(string op) => op switch
    {
        "Equals" or "Equal" => true,
        "NotEquals" or "NotEqual" => false,
        _ => throw new ExpressionException($"index selector operator \"{op}\" is not Equals or NotEquals"),
    };
}
