namespace Dray.Sources.Oci;

/// <summary>The repository, tag or blob does not exist (404).</summary>
public sealed class RegistryNotFoundException : RegistryException
{
    public RegistryNotFoundException()
    {
    }

    public RegistryNotFoundException(string message)
        : base(message)
    {
    }

    public RegistryNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
