namespace Dray.TestKit.Oci;

/// <summary>An OCI registry anyone may pull from and push to.</summary>
public sealed class AnonymousOciRegistry() : OciRegistry(OciRegistryAuthMode.Anonymous);
