namespace Dray.Server.Webhooks;

/// <summary>What kind of repository a delivery names.</summary>
public enum WebhookArtifactKind
{
    /// <summary>A git repository; matched against git subscriptions.</summary>
    Git,

    /// <summary>An OCI repository; matched against image subscriptions and <c>oci://</c> chart subscriptions.</summary>
    Image,
}
