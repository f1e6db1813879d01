using Dray.Core.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dray.Server.Api;

/// <summary>RFC 7807 responses used by every endpoint.</summary>
public static class Problems
{
    public static ProblemHttpResult Status(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static ProblemHttpResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult Forbidden(string detail) => Status(StatusCodes.Status403Forbidden, detail);

    public static ProblemHttpResult Unauthorized(string detail) => Status(StatusCodes.Status401Unauthorized, detail);

    /// <summary>422 with <c>errors:[{file,line,column,path,message}]</c>.</summary>
    public static ProblemHttpResult Manifest(IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.Select(e => new Dictionary<string, object?>
        {
            ["file"] = e.File,
            ["line"] = e.Line,
            ["column"] = e.Column,
            ["path"] = e.Path,
            ["message"] = e.Message,
        }).ToList();
        return TypedResults.Problem(
            detail: errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors in the manifests",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Invalid manifests",
            extensions: new Dictionary<string, object?> { ["errors"] = list });
    }
}
