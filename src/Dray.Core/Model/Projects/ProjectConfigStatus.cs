using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record ProjectConfigStatus
{
    public IReadOnlyList<Condition>? Conditions { get; init; }

    public string? LastHandledRefresh { get; init; }

    public long? ObservedGeneration { get; init; }

    public IReadOnlyList<WebhookReceiverDetails>? WebhookReceivers { get; init; }
}
