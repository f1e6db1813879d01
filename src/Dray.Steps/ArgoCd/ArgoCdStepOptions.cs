namespace Dray.Steps.ArgoCd;

/// <summary>The Argo CD instance the argocd-* steps talk to, set by the host.</summary>
public sealed record ArgoCdStepOptions
{
    public Uri? Server { get; init; }

    public string? Token { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string DefaultNamespace { get; init; } = "argocd";

    /// <summary>How long argocd-update waits for its sync and for health before failing (Kargo's default).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);
}
