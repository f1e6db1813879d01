using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

/// <summary>A webhook receiver: a name plus exactly one provider configuration.</summary>
public sealed record WebhookReceiverConfig
{
    [RegularExpression(KargoPatterns.DnsSubdomain)]
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; init; }

    [JsonPropertyName("github")]
    public SecretWebhookReceiver? GitHub { get; init; }

    [JsonPropertyName("gitlab")]
    public SecretWebhookReceiver? GitLab { get; init; }

    public SecretWebhookReceiver? Bitbucket { get; init; }

    public SecretWebhookReceiver? Gitea { get; init; }

    public SecretWebhookReceiver? Azure { get; init; }

    public SecretWebhookReceiver? Quay { get; init; }

    [JsonPropertyName("dockerhub")]
    public SecretWebhookReceiver? DockerHub { get; init; }

    public SecretWebhookReceiver? Harbor { get; init; }

    public ArtifactoryWebhookReceiver? Artifactory { get; init; }

    public GenericWebhookReceiver? Generic { get; init; }
}
