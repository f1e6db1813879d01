using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

/// <summary>A provider receiver whose only setting is the Secret holding its shared secret or token.</summary>
public sealed record SecretWebhookReceiver
{
    public required LocalObjectReference SecretRef { get; init; }
}
