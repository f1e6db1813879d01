using System.Net;
using System.Net.Sockets;

namespace Dray.TestKit.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago (the OS picks it for a listener on port 0).</summary>
    public static int Next() => Next(IPAddress.Loopback);

    /// <summary>A TCP port on <paramref name="address"/> (such as 127.0.0.2) that was free a moment ago.</summary>
    public static int Next(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
