using Dray.Sources.Oci;

namespace Dray.Bench.Discovery;

/// <summary>A fresh registry client stack (own sockets, limiter, token cache, metadata cache) that counts its requests.</summary>
internal sealed class CountingOciClient : IDisposable, IHttpClientFactory
{
    private readonly SocketsHttpHandler _socket = new();
    private readonly CountingHandler _counter;
    private readonly RegistryRateLimiterRegistry _limiters;

    /// <param name="requestsPerSecond">The limiter's rate per registry; null keeps Dray's default.</param>
    public CountingOciClient(IImageMetadataCache? cache = null, int? requestsPerSecond = null)
    {
        var limits = new RegistryRateLimitOptions();
        _limiters = new RegistryRateLimiterRegistry(
            requestsPerSecond is { } rate ? limits with { TokenLimit = rate, TokensPerPeriod = rate } : limits, TimeProvider.System);
        _counter = new CountingHandler(_socket);
        Client = new OciRegistryClient(this, _limiters, new RegistryTokenCache(TimeProvider.System), new OciRegistryClientOptions(), TimeProvider.System);
        Discoverer = new ImageDiscoverer(Client, cache ?? new InMemoryImageMetadataCache());
    }

    public OciRegistryClient Client { get; }

    public ImageDiscoverer Discoverer { get; }

    public int TagListRequests => _counter.TagLists;

    public int OtherRequests => _counter.Total - _counter.TagLists;

    public void ResetCounts() => _counter.Reset();

    public HttpClient CreateClient(string name) => new(_counter, disposeHandler: false);

    public void Dispose()
    {
        _limiters.Dispose();
        _counter.Dispose();
        _socket.Dispose();
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _total;
        private int _tagLists;

        public int Total => Volatile.Read(ref _total);

        public int TagLists => Volatile.Read(ref _tagLists);

        public void Reset()
        {
            Interlocked.Exchange(ref _total, 0);
            Interlocked.Exchange(ref _tagLists, 0);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _total);
            if (request.RequestUri!.AbsolutePath.EndsWith("/tags/list", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _tagLists);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
