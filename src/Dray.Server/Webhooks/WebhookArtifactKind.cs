namespace Dray.Server.Webhooks;

/// <summary>What kind of repository a delivery names.</summary>
public enum WebhookArtifactKind
{
    /// <summary>A git repository; matched against git subscriptions.</summary>
    Git,

    /// <summary>An OCI repository; matched against image subscriptions and <c>oci://</c> chart subscriptions.</summary>
    Image,

    /// <summary>
    /// A pull request of a git repository was merged or closed; matched against Running Promotions waiting in
    /// <c>git-wait-for-pr</c> on that repository, not against Warehouses.
    /// </summary>
    PullRequest,
}
