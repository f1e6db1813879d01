namespace Dray.Client;

/// <summary>The server could not be reached at all (refused, unresolvable, TLS failure); names the address tried.</summary>
public sealed class DrayConnectionException : Exception
{
    public DrayConnectionException(Uri server, HttpRequestException innerException)
        : base($"cannot reach the Dray server at {server}: {innerException?.Message}", innerException)
    {
        Server = server;
    }

    public DrayConnectionException()
        : base("cannot reach the Dray server")
    {
    }

    public DrayConnectionException(string message)
        : base(message)
    {
    }

    public DrayConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Uri? Server { get; }
}
