namespace Dray.TestKit.Oci;

/// <summary>An OCI registry behind HTTP Basic auth (htpasswd).</summary>
public sealed class BasicAuthOciRegistry() : OciRegistry(OciRegistryAuthMode.Basic);
