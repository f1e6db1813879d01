namespace Dray.Steps.ArgoCd;

public enum ArgoCdUpdateState
{
    /// <summary>A sync was started or is running, or the app is not healthy yet: poll again.</summary>
    Waiting,

    Done,

    Failed,
}

/// <param name="Terminal">For <see cref="ArgoCdUpdateState.Failed"/>: retrying cannot help (consent missing, no such source).</param>
public sealed record ArgoCdUpdateOutcome(
    ArgoCdUpdateState State,
    string Message,
    IReadOnlyList<ArgoCdUpdatedApp> Apps,
    bool Terminal = false);
