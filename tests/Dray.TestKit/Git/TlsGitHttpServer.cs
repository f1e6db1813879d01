namespace Dray.TestKit.Git;

/// <summary>
/// The git smart-HTTP server over HTTPS on <c>127.0.0.2:PORT</c> with a self-signed certificate
/// (<see cref="GitHttpServer.Certificate"/>); <see cref="GitHttpServer.Credentials"/> makes git trust it for seeding.
/// </summary>
public sealed class TlsGitHttpServer() : GitHttpServer(tls: true);
