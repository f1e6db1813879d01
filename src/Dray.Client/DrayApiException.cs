using System.Net;
using Dray.Core.Manifests;

namespace Dray.Client;

/// <summary>A non-success answer from the Dray server, carrying its RFC 7807 problem details.</summary>
public sealed class DrayApiException : Exception
{
    public DrayApiException(HttpStatusCode status, string? title, string? detail, IReadOnlyList<ManifestError> errors)
        : base(detail ?? title ?? $"the server answered {(int)status} {status}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public DrayApiException()
        : this(HttpStatusCode.InternalServerError, null, null, [])
    {
    }

    public DrayApiException(string message)
        : this(HttpStatusCode.InternalServerError, null, message, [])
    {
    }

    public DrayApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = HttpStatusCode.InternalServerError;
        Detail = message;
        Errors = [];
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Manifest or field errors; a field error has no file and its field name as the path.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }
}
