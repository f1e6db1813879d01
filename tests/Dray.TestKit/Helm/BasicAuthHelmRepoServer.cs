namespace Dray.TestKit.Helm;

/// <summary>A Helm chart repository that answers only requests with <see cref="HelmRepoServer.Credentials"/>.</summary>
public sealed class BasicAuthHelmRepoServer() : HelmRepoServer(requireBasicAuth: true);
