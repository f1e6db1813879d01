namespace Dray.Core.Promotions;

/// <summary>
/// Optional on a step: its own retry defaults, used when the step in the Promotion sets no <c>retry</c>
/// (Kargo's argocd-* steps wait up to 5 minutes, for example). Without it the threshold is 1 and there is no timeout.
/// </summary>
public interface IStepRetryDefaults
{
    int DefaultErrorThreshold { get; }

    /// <summary>Zero for no limit.</summary>
    TimeSpan DefaultTimeout { get; }
}
