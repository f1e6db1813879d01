namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdAppConfig
{
    public string? Name { get; init; }

    /// <summary>Defaults to the Argo CD namespace the server is configured with (normally <c>argocd</c>).</summary>
    public string? Namespace { get; init; }

    public ArgoCdSelectorConfig? Selector { get; init; }

    public IReadOnlyList<ArgoCdSourceConfig>? Sources { get; init; }
}
