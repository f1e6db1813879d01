namespace Dray.Steps.Tests.Contracts;

/// <summary>
/// For services whose OpenAPI description is not in shared/specs (GitHub, GitLab, Bitbucket Cloud): the method and
/// path templates from the provider's public REST documentation, and the body fields those pages mark required.
/// </summary>
public sealed record DocumentedSurface(string Prefix, IReadOnlyList<(string Method, string Template, string[] RequiredBody)> Operations)
{
    public IReadOnlyList<string> Check(RecordedRequest request)
    {
        if (!request.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return [$"{request.Path} is outside {Prefix}"];
        }

        var segments = request.Path[Prefix.Length..].Trim('/').Split('/');
        var op = Operations.FirstOrDefault(o =>
            o.Method == request.Method
            && o.Template.Trim('/').Split('/') is var t && t.Length == segments.Length
            && t.Zip(segments).All(z => z.First.StartsWith('{') ? z.Second.Length > 0 : z.First == z.Second));
        if (op.Template is null)
        {
            return [$"{request.Method} {request.Path} is not a documented operation"];
        }

        return op.RequiredBody
            .Where(f => request.Body?[f] is null)
            .Select(f => $"{request.Method} {op.Template}: documented required field {f} is missing")
            .ToList();
    }
}
