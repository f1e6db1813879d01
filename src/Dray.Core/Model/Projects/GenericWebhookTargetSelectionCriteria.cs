using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record GenericWebhookTargetSelectionCriteria
{
    public required GenericWebhookTargetKind Kind { get; init; }

    public string? Name { get; init; }

    public LabelSelector? LabelSelector { get; init; }

    public IndexSelector? IndexSelector { get; init; }
}
