namespace Dray.Steps.Tests.PullRequests;

/// <summary>One pull request held by a fake hosting service; <see cref="State"/> is open, merged or closed.</summary>
public sealed class FakePullRequest
{
    public required long Number { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    public string State { get; set; } = "open";

    public string? MergeCommit { get; set; }

    public string Head { get; init; } = "1111111111111111111111111111111111111111";

    public bool Mergeable { get; set; } = true;

    public IReadOnlyList<string> Labels { get; set; } = [];
}
