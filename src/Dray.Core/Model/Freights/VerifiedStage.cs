namespace Dray.Core.Model.Freights;

public sealed record VerifiedStage
{
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>The longest completed continuous stay in the Stage, as a Go duration string.</summary>
    public string? LongestSoak { get; init; }
}
