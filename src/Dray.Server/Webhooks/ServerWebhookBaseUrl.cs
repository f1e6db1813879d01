using Dray.Core.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dray.Server.Webhooks;

/// <summary><see cref="DrayServerOptions.ExternalUrl"/> when set, else the address the server listens on.</summary>
internal sealed class ServerWebhookBaseUrl(IOptions<DrayServerOptions> options, IServer server) : IWebhookBaseUrl
{
    public string Get()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ExternalUrl))
        {
            return options.Value.ExternalUrl.TrimEnd('/');
        }

        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (bound ?? $"http://{options.Value.ListenAddress}").TrimEnd('/');
    }
}
