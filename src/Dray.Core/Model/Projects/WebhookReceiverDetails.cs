namespace Dray.Core.Model.Projects;

/// <summary>Where a configured webhook receiver listens.</summary>
public sealed record WebhookReceiverDetails
{
    public string? Name { get; init; }

    public string? Path { get; init; }

    public string? Url { get; init; }
}
