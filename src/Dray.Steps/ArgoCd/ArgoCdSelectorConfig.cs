namespace Dray.Steps.ArgoCd;

/// <summary>Label equalities; Kargo's <c>matchExpressions</c> are not supported yet.</summary>
public sealed record ArgoCdSelectorConfig
{
    public required IReadOnlyDictionary<string, string> MatchLabels { get; init; }
}
