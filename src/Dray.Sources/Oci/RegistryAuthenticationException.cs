namespace Dray.Sources.Oci;

/// <summary>The registry refused the credentials (401) or denied access (403).</summary>
public sealed class RegistryAuthenticationException : RegistryException
{
    public RegistryAuthenticationException()
    {
    }

    public RegistryAuthenticationException(string message)
        : base(message)
    {
    }

    public RegistryAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
