namespace Dray.TestKit.Oci;

/// <summary>An OCI content descriptor: what a manifest or index points at.</summary>
public sealed record OciDescriptor(string MediaType, string Digest, long Size, OciPlatform? Platform = null);
