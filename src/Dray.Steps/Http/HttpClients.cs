using System.Net;
using System.Net.Sockets;

namespace Dray.Steps.Http;

/// <summary>
/// The <c>http</c> step's two clients (verifying and not verifying TLS). Both connect through a callback that checks
/// every resolved address against <see cref="HttpAddressPolicy"/>, so neither DNS tricks nor redirects reach a
/// refused address. Proxies from the environment are not used: the check must see the real destination.
/// </summary>
public sealed class HttpClients : IDisposable
{
    public HttpClients(HttpStepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Verified = new HttpClient(Handler(options, insecure: false)) { Timeout = Timeout.InfiniteTimeSpan };
        Insecure = new HttpClient(Handler(options, insecure: true)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Verified { get; }

    public HttpClient Insecure { get; }

    public void Dispose()
    {
        Verified.Dispose();
        Insecure.Dispose();
    }

    private static SocketsHttpHandler Handler(HttpStepOptions options, bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            MaxAutomaticRedirections = 5,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowMetadataAddresses, ct),
        };
        if (insecure)
        {
#pragma warning disable CA5359 // The step's config explicitly asked for insecureSkipTLSVerify.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowMetadata, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
        if (!allowMetadata && (HttpAddressPolicy.IsRefusedHost(endpoint.Host) || addresses.Any(HttpAddressPolicy.IsRefused)))
        {
            throw new HttpAddressRefusedException(
                $"{endpoint.Host} resolves to a link-local or cloud metadata address, which the http step does not call");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
