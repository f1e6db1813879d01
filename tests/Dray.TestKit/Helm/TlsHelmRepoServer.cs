namespace Dray.TestKit.Helm;

/// <summary>An anonymous chart repository over HTTPS on <c>127.0.0.2:PORT</c> with a self-signed certificate (<see cref="HelmRepoServer.Certificate"/>).</summary>
public sealed class TlsHelmRepoServer() : HelmRepoServer(requireBasicAuth: false, tls: true);
