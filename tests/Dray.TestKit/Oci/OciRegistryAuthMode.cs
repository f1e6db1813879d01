namespace Dray.TestKit.Oci;

public enum OciRegistryAuthMode
{
    /// <summary>Anyone may pull and push.</summary>
    Anonymous,

    /// <summary>HTTP Basic auth against an htpasswd file.</summary>
    Basic,

    /// <summary>Bearer tokens from <see cref="RegistryTokenIssuer"/> (the distribution token-auth flow).</summary>
    Token,
}
