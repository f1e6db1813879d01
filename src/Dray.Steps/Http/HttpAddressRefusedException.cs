namespace Dray.Steps.Http;

/// <summary>Raised from the connect callback when a host resolves to an address <see cref="HttpAddressPolicy"/> refuses.</summary>
public sealed class HttpAddressRefusedException : IOException
{
    public HttpAddressRefusedException()
    {
    }

    public HttpAddressRefusedException(string message)
        : base(message)
    {
    }

    public HttpAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
