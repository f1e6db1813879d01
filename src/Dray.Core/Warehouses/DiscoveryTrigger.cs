namespace Dray.Core.Warehouses;

/// <summary>Why discovery runs now, if it does.</summary>
public enum DiscoveryTrigger
{
    /// <summary>Not due: wait.</summary>
    None,

    /// <summary>Never discovered, or not since this process started.</summary>
    NeverRun,

    /// <summary>The spec changed since the last discovery.</summary>
    GenerationChanged,

    /// <summary>A new <c>kargo.akuity.io/refresh</c> annotation value.</summary>
    Refresh,

    /// <summary>The interval (or, after a failure, the backoff) has elapsed.</summary>
    Due,
}
