using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

/// <summary>A real client stack (HttpClient, limiter, token cache, Polly) with a request log in front of the socket.</summary>
public sealed class OciTestClient : IDisposable, IHttpClientFactory
{
    private readonly SocketsHttpHandler _socket = new();

    public OciTestClient(OciRegistryClientOptions? options = null, TimeProvider? time = null, IImageMetadataCache? cache = null)
    {
        Cache = cache ?? new InMemoryImageMetadataCache();
        Log = new RequestLog(_socket);
        Time = time ?? TimeProvider.System;
        Limiters = new RegistryRateLimiterRegistry(new RegistryRateLimitOptions(), Time);
        Tokens = new RegistryTokenCache(Time);
        Client = new OciRegistryClient(this, Limiters, Tokens, options ?? new OciRegistryClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(20) }, Time);
        Discoverer = new ImageDiscoverer(Client, Cache);
    }

    public RequestLog Log { get; }

    public TimeProvider Time { get; }

    public RegistryRateLimiterRegistry Limiters { get; }

    public RegistryTokenCache Tokens { get; }

    public IImageMetadataCache Cache { get; }

    public OciRegistryClient Client { get; }

    public ImageDiscoverer Discoverer { get; }

    public HttpClient CreateClient(string name) => new(Log, disposeHandler: false);

    public void Dispose()
    {
        Limiters.Dispose();
        Log.Dispose();
        _socket.Dispose();
    }
}
