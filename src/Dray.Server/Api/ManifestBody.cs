using Dray.Core.Manifests;
using Microsoft.Net.Http.Headers;

namespace Dray.Server.Api;

/// <summary>Reads apply/delete bodies: one YAML or JSON stream, or multipart with one file per part.</summary>
public static class ManifestBody
{
    private static readonly string[] StreamTypes =
        ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/plain"];

    public static async Task<(IReadOnlyList<ManifestSource>? Files, string Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            if (form.Files.Count == 0)
            {
                return (null, "The multipart body has no file parts.");
            }

            var files = new List<ManifestSource>(form.Files.Count);
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add(new ManifestSource(file.FileName, await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)));
            }

            return (files, "");
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is null || !StreamTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, "Send application/yaml, application/json or multipart/form-data.");
        }

        using var body = new StreamReader(request.Body);
        return ([new ManifestSource(null, await body.ReadToEndAsync(cancellationToken).ConfigureAwait(false))], "");
    }
}
