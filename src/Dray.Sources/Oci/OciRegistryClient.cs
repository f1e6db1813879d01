using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Sources.Oci;

/// <summary>A read-only OCI Distribution client: probe, tag listing, manifests, config blobs.</summary>
public sealed partial class OciRegistryClient
{
    private readonly RegistryTransport _transport;
    private readonly OciRegistryClientOptions _options;

    public OciRegistryClient(
        IHttpClientFactory httpClientFactory,
        RegistryRateLimiterRegistry rateLimiters,
        RegistryTokenCache tokenCache,
        OciRegistryClientOptions options,
        TimeProvider timeProvider,
        ILogger<OciRegistryClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        ArgumentNullException.ThrowIfNull(tokenCache);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _transport = new RegistryTransport(httpClientFactory, rateLimiters, tokenCache, options, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
    }

    public OciRegistryClientOptions Options => _options;

    /// <summary>Checks that the registry speaks the distribution API and accepts these credentials.</summary>
    public async Task ProbeAsync(RegistryConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var uri = new Uri(connection.Image.BaseUri, "v2/");
        using var response = await SendAsync(connection, HttpMethod.Get, uri, [], "the API root", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new RegistryNotFoundException($"{connection.Image.Registry} does not serve the OCI distribution API (/v2/ answered 404)");
        }
    }

    /// <summary>All tags, following <c>Link: rel="next"</c> pages, or <c>last=</c> when a full page has no link.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(RegistryConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var image = connection.Image;
        var pageSize = _options.TagPageSize;
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = new(image.BaseUri, $"v2/{image.Repository}/tags/list?n={pageSize.ToString(CultureInfo.InvariantCulture)}");
        while (next is not null)
        {
            using var response = await SendAsync(connection, HttpMethod.Get, next, ["application/json"], $"the tags of {image.Repository}", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new RegistryNotFoundException($"repository {image.Repository} not found on {image.Registry}");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var page = OciJson.ParseTags(body, $"the tag list of {image.Repository}");
            var added = 0;
            foreach (var tag in page.Where(seen.Add))
            {
                tags.Add(tag);
                added++;
            }

            // A registry that ignores last= would loop forever: stop when a page adds nothing new.
            next = added == 0 ? null : TagPaging.NextPage(LinkHeader(response), next, page, pageSize, image);
        }

        return tags;
    }

    /// <summary>The digest and media type a tag or digest points at, from a HEAD (falls back to GET when the header is missing).</summary>
    public async Task<OciDescriptor> ResolveAsync(RegistryConnection connection, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var subject = ManifestSubject(connection.Image, reference);
        using (var response = await SendAsync(connection, HttpMethod.Head, ManifestUri(connection.Image, reference), OciMediaTypes.AcceptedManifests, subject, cancellationToken).ConfigureAwait(false))
        {
            ThrowIfManifestMissing(response, subject);
            if (DigestHeader(response) is { } digest)
            {
                return new OciDescriptor(response.Content.Headers.ContentType?.MediaType ?? string.Empty, digest, response.Content.Headers.ContentLength ?? 0);
            }
        }

        var manifest = await GetManifestAsync(connection, reference, cancellationToken).ConfigureAwait(false);
        return new OciDescriptor(manifest.MediaType, manifest.Digest, 0);
    }

    public async Task<OciManifest> GetManifestAsync(RegistryConnection connection, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var subject = ManifestSubject(connection.Image, reference);
        using var response = await SendAsync(connection, HttpMethod.Get, ManifestUri(connection.Image, reference), OciMediaTypes.AcceptedManifests, subject, cancellationToken).ConfigureAwait(false);
        ThrowIfManifestMissing(response, subject);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var computed = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && reference != computed)
        {
            throw new RegistryException($"{subject} does not match its digest (got {computed})");
        }

        var digest = DigestHeader(response) ?? computed;
        return OciJson.ParseManifest(body, digest, response.Content.Headers.ContentType?.MediaType, subject);
    }

    public async Task<ImageConfig> GetConfigAsync(RegistryConnection connection, OciDescriptor config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(config);
        var image = connection.Image;
        var subject = $"config {config.Digest} of {image.Repository}";
        var uri = new Uri(image.BaseUri, $"v2/{image.Repository}/blobs/{config.Digest}");
        using var response = await SendAsync(connection, HttpMethod.Get, uri, [config.MediaType.Length > 0 ? config.MediaType : "application/json"], subject, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new RegistryNotFoundException($"{subject} not found on {image.Registry}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return OciJson.ParseConfig(body, subject);
    }

    /// <summary>Picks the entry of an index for <paramref name="platform"/>; null when the index has none.</summary>
    public static OciDescriptor? SelectPlatform(OciManifest index, OciPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(platform);
        return index.Manifests.FirstOrDefault(m => m.Platform is { } p && platform.Accepts(p) && OciMediaTypes.IsImageManifest(m.MediaType))
            ?? index.Manifests.FirstOrDefault(m => m.Platform is { } p && platform.Accepts(p));
    }

    private Task<HttpResponseMessage> SendAsync(RegistryConnection connection, HttpMethod method, Uri uri, IReadOnlyList<string> accept, string subject, CancellationToken cancellationToken) =>
        _transport.SendAsync(new RegistryRequest(connection, method, uri, accept, subject), cancellationToken);

    private static Uri ManifestUri(ImageReference image, string reference) =>
        new(image.BaseUri, $"v2/{image.Repository}/manifests/{reference}");

    private static string ManifestSubject(ImageReference image, string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (!ManifestReference().IsMatch(reference))
        {
            throw new FormatException($"'{reference}' is neither a tag nor a digest");
        }

        return reference.Contains(':', StringComparison.Ordinal) ? $"manifest {reference} of {image.Repository}" : $"tag {reference} of {image.Repository}";
    }

    private static void ThrowIfManifestMissing(HttpResponseMessage response, string subject)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new RegistryNotFoundException($"{subject} not found on {response.RequestMessage?.RequestUri?.Authority}");
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Za-z0-9=_-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestReference();

    private static string? LinkHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;

    private static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && values.FirstOrDefault()?.Trim() is { } digest
            && OciJson.IsDigest(digest)
            ? digest
            : null;
}
