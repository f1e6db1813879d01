namespace Dray.Steps.Git;

/// <summary>Settings of the git promotion steps.</summary>
public sealed record GitStepOptions
{
    /// <summary>Author of commits when neither <c>git-commit</c> nor <c>git-clone</c> names one.</summary>
    public string DefaultAuthorName { get; init; } = "Dray";

    public string DefaultAuthorEmail { get; init; } = "no-reply@dray.invalid";

    /// <summary>First pause before pushing again after the remote moved; grows by 1.5 per attempt with jitter.</summary>
    public TimeSpan PushRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPushRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
