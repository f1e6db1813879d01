using System.Text.Json;
using Dray.Core.Manifests;
using Dray.Core.Storage;
using Dray.Server.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Hosting;

/// <summary>
/// The safety net for exceptions that escape a handler: the store's and the manifest pipeline's documented
/// exceptions become 404/409/422 problems, malformed bodies 400. Anything else stays a 500 without details.
/// </summary>
public sealed class StoreExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemHttpResult? result = exception switch
        {
            ResourceNotFoundException e => Problems.NotFound(e.Message),
            ResourceAlreadyExistsException e => Problems.Conflict(e.Message),
            ResourceConflictException e => Problems.Conflict(e.Message),
            ManifestException e => Problems.Manifest(e.Errors),
            BadHttpRequestException e => Problems.Status(e.StatusCode, "The request body could not be read; check its format."),
            JsonException => Problems.BadRequest("The request body is not valid JSON."),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
