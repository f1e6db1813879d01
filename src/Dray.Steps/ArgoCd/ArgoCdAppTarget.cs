namespace Dray.Steps.ArgoCd;

/// <summary>One Application to update: by name, or every Application matching label equalities.</summary>
public sealed record ArgoCdAppTarget(
    string? Name,
    string Namespace,
    IReadOnlyDictionary<string, string>? MatchLabels,
    IReadOnlyList<ArgoCdSourceUpdate> Sources);
