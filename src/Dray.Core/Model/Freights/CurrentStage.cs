namespace Dray.Core.Model.Freights;

public sealed record CurrentStage
{
    public DateTimeOffset? Since { get; init; }
}
