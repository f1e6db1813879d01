using Dray.Core.Model.Common;

namespace Dray.Core.Warehouses;

/// <summary>Kubernetes condition bookkeeping: a condition keeps its transition time while its status stays the same.</summary>
public static class ConditionList
{
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition>? existing, Condition next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var list = existing?.ToList() ?? [];
        var index = list.FindIndex(c => c.Type == next.Type);
        if (index < 0)
        {
            list.Add(next);
            return list;
        }

        var previous = list[index];
        list[index] = previous.Status == next.Status ? next with { LastTransitionTime = previous.LastTransitionTime } : next;
        return list;
    }

    public static IReadOnlyList<Condition>? Remove(IReadOnlyList<Condition>? existing, string type)
    {
        var list = existing?.Where(c => c.Type != type).ToList();
        return list is { Count: > 0 } ? list : null;
    }
}
