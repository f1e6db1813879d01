namespace Dray.Core.Model.Freights;

public sealed record ApprovedStage
{
    public DateTimeOffset? ApprovedAt { get; init; }
}
