using System.Net;
using System.Text.Json.Nodes;

namespace Dray.Steps.ApiClients;

/// <summary>A completed HTTP exchange: the status and the JSON body (null when empty or not JSON).</summary>
public sealed record ApiResponse(HttpStatusCode StatusCode, JsonNode? Body, string Text)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
