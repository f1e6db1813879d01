namespace Dray.Sources.Oci;

/// <summary>A registry call failed. Messages name the registry and repository, never a credential.</summary>
public class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>False when retrying later cannot help (bad credentials, missing repository, bad manifest).</summary>
    public bool IsTransient { get; init; }

    /// <summary>How long the registry asked us to wait (429/503 <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
