using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

public sealed record ArtifactoryWebhookReceiver
{
    public required LocalObjectReference SecretRef { get; init; }

    public string? VirtualRepoName { get; init; }
}
