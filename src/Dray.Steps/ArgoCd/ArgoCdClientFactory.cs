using System.Net.Http.Headers;
using Dray.Steps.ApiClients;
using Microsoft.Extensions.Logging;

namespace Dray.Steps.ArgoCd;

public sealed class ArgoCdClientFactory(
    IHttpClientFactory httpClients,
    ApiTransportOptions transportOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public const string HttpClientName = "dray-argocd";
    public const string InsecureHttpClientName = "dray-argocd-insecure";

    public ArgoCdClient Create(ArgoCdConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = httpClients.CreateClient(connection.InsecureSkipTlsVerify ? InsecureHttpClientName : HttpClientName);
        var token = connection.Token;
        var transport = new ApiTransport(
            http,
            "Argo CD",
            h =>
            {
                if (!string.IsNullOrEmpty(token))
                {
                    h.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
            },
            [token],
            transportOptions,
            timeProvider,
            loggerFactory.CreateLogger<ArgoCdClient>());
        var server = connection.Server.AbsoluteUri.EndsWith('/') ? connection.Server : new Uri(connection.Server.AbsoluteUri + "/");
        return new ArgoCdClient(transport, server);
    }
}
