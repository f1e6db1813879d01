namespace Dray.TestKit.Oci;

/// <summary>
/// An anonymous OCI registry on <c>127.0.0.2:PORT</c> over HTTPS with a self-signed certificate
/// (<see cref="OciRegistry.Certificate"/>) that no client trusts by default. skopeo pushes with TLS verification off.
/// </summary>
public sealed class TlsOciRegistry() : OciRegistry(OciRegistryAuthMode.Anonymous, tls: true);
