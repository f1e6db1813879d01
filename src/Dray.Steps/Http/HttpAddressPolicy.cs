using System.Net;
using System.Net.Sockets;

namespace Dray.Steps.Http;

/// <summary>
/// Which addresses the <c>http</c> step refuses: link-local ranges (169.254.0.0/16, fe80::/10), where every cloud's
/// instance metadata service lives, and the metadata addresses outside them. A promotion template is user input, so
/// it must not be able to read the host's cloud credentials.
/// </summary>
public static class HttpAddressPolicy
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("fd00:ec2::254"), // AWS over IPv6
    ];

    /// <summary>The host names cloud providers resolve to their metadata service, refused before any lookup.</summary>
    private static readonly string[] MetadataHosts = ["metadata.google.internal", "metadata.goog", "metadata.azure.com"];

    public static bool IsRefusedHost(string host) =>
        MetadataHosts.Contains(host.TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (MetadataAddresses.Contains(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254;
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal;
    }
}
