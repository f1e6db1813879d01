using System.Net;

namespace Dray.Steps.ApiClients;

/// <summary>
/// A remote API refused or failed a call. <see cref="Terminal"/> is true for logical refusals (4xx other than 408/429)
/// that retrying cannot fix; transient failures that outlived the retries are not terminal.
/// The message never contains credentials.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException()
    {
    }

    public ApiException(string message)
        : base(message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiException(string message, HttpStatusCode? statusCode, bool terminal, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Terminal = terminal;
    }

    public HttpStatusCode? StatusCode { get; }

    public bool Terminal { get; }
}
