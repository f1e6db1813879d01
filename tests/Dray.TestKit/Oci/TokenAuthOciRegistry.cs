namespace Dray.TestKit.Oci;

/// <summary>An OCI registry behind bearer-token auth, with its own token issuer.</summary>
public sealed class TokenAuthOciRegistry() : OciRegistry(OciRegistryAuthMode.Token);
