using System.Collections.Concurrent;

namespace Dray.Sources.Tests.Oci;

/// <summary>Every request the client sent (after auth, per retry attempt), for asserting request budgets.</summary>
public sealed class RequestLog : DelegatingHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization)> _requests = new();

    public RequestLog(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public IReadOnlyList<(HttpMethod Method, Uri Uri, string? Authorization)> Requests => _requests.ToArray();

    public int Count(Func<HttpMethod, string, bool> predicate) => _requests.Count(r => predicate(r.Method, r.Uri.AbsolutePath));

    public int TagListRequests => Count((_, path) => path.EndsWith("/tags/list", StringComparison.Ordinal));

    public int OtherThanTagListing => _requests.Count - TagListRequests;

    public int BlobRequests => Count((_, path) => path.Contains("/blobs/", StringComparison.Ordinal));

    public int ManifestRequests(HttpMethod method) => Count((m, path) => m == method && path.Contains("/manifests/", StringComparison.Ordinal));

    public void Clear() => _requests.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        return base.SendAsync(request, cancellationToken);
    }
}
