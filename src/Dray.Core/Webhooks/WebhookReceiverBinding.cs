using Dray.Core.Model.Projects;

namespace Dray.Core.Webhooks;

/// <summary>
/// The provider type of a configured receiver and where its secret lives: the Secret's name and the key whose value
/// both seeds the receiver's URL and (for providers that sign) authenticates requests.
/// </summary>
public sealed record WebhookReceiverBinding(string Type, string SecretName, string SecretKey)
{
    public const string GitHub = "github";
    public const string GitLab = "gitlab";
    public const string Gitea = "gitea";
    public const string Bitbucket = "bitbucket";
    public const string DockerHub = "dockerhub";
    public const string Quay = "quay";
    public const string Harbor = "harbor";
    public const string Artifactory = "artifactory";
    public const string Azure = "azure";
    public const string Generic = "generic";

    /// <summary>Every receiver type, in the order the CRD lists them.</summary>
    public static IReadOnlyList<string> Types { get; } = [GitHub, GitLab, Bitbucket, Gitea, Azure, Quay, DockerHub, Harbor, Artifactory, Generic];

    /// <summary>The binding of a receiver, or null unless exactly one provider is configured with a Secret name.</summary>
    public static WebhookReceiverBinding? For(WebhookReceiverConfig receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var configured = new List<(string Type, string? Secret)>();
        Add(configured, GitHub, receiver.GitHub?.SecretRef.Name, receiver.GitHub is not null);
        Add(configured, GitLab, receiver.GitLab?.SecretRef.Name, receiver.GitLab is not null);
        Add(configured, Bitbucket, receiver.Bitbucket?.SecretRef.Name, receiver.Bitbucket is not null);
        Add(configured, Gitea, receiver.Gitea?.SecretRef.Name, receiver.Gitea is not null);
        Add(configured, Azure, receiver.Azure?.SecretRef.Name, receiver.Azure is not null);
        Add(configured, Quay, receiver.Quay?.SecretRef.Name, receiver.Quay is not null);
        Add(configured, DockerHub, receiver.DockerHub?.SecretRef.Name, receiver.DockerHub is not null);
        Add(configured, Harbor, receiver.Harbor?.SecretRef.Name, receiver.Harbor is not null);
        Add(configured, Artifactory, receiver.Artifactory?.SecretRef.Name, receiver.Artifactory is not null);
        Add(configured, Generic, receiver.Generic?.SecretRef.Name, receiver.Generic is not null);
        if (configured.Count != 1 || string.IsNullOrEmpty(configured[0].Secret))
        {
            return null;
        }

        var (type, secret) = configured[0];
        return new WebhookReceiverBinding(type, secret!, SecretKeyOf(type));
    }

    /// <summary>The Secret key each provider reads (reference §7.3).</summary>
    public static string SecretKeyOf(string type) => type switch
    {
        GitLab or Artifactory => "secret-token",
        Harbor => "auth-header",
        _ => "secret",
    };

    private static void Add(List<(string, string?)> configured, string type, string? secret, bool present)
    {
        if (present)
        {
            configured.Add((type, secret));
        }
    }
}
