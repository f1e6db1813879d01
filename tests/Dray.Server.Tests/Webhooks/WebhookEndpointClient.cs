using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dray.Server.Tests.Support;

namespace Dray.Server.Tests.Webhooks;

/// <summary>Deliveries to a receiver path, and the Warehouse refresh tokens they change, for the endpoint tests.</summary>
internal static class WebhookEndpointClient
{
    private const string RefreshAnnotation = "kargo.akuity.io/refresh";

    /// <summary>The status and, for a 200, the <c>refreshed</c> count.</summary>
    public static async Task<(HttpStatusCode Status, int Refreshed)> PostAsync(ServerHost host, string path, byte[] body, (string Name, string Value)[] headers)
    {
        using var client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, 0);
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, answer.GetProperty("refreshed").GetInt32());
    }

    /// <summary>Each Warehouse of the project with its <c>kargo.akuity.io/refresh</c> value (null when none).</summary>
    public static async Task<Dictionary<string, string?>> RefreshTokensAsync(HttpClient admin, string project)
    {
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/warehouses");
        return list.GetProperty("items").EnumerateArray().ToDictionary(
            w => w.GetProperty("metadata").GetProperty("name").GetString()!,
            w => w.GetProperty("metadata").TryGetProperty("annotations", out var a) && a.TryGetProperty(RefreshAnnotation, out var r) ? r.GetString() : null);
    }

    /// <summary>The Warehouses whose refresh value changed since <paramref name="before"/>, by name.</summary>
    public static async Task<List<string>> ChangedSinceAsync(HttpClient admin, string project, Dictionary<string, string?> before)
    {
        var after = await RefreshTokensAsync(admin, project);
        return [.. after.Where(a => a.Value != before.GetValueOrDefault(a.Key)).Select(a => a.Key).Order(StringComparer.Ordinal)];
    }
}
