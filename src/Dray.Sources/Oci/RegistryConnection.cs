namespace Dray.Sources.Oci;

/// <summary>How to reach one repository: where it is, who we are, and whether TLS is verified.</summary>
public sealed record RegistryConnection(
    ImageReference Image,
    RegistryCredential? Credential = null,
    bool InsecureSkipTlsVerify = false)
{
    public override string ToString() => Credential is null ? $"{Image} (anonymous)" : $"{Image} as {Credential.Username}";
}
