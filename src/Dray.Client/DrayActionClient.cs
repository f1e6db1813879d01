using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Client;

/// <summary>The action endpoints (refresh, alias, approve, promote, abort, stage freight) over a <see cref="DrayClient"/>'s connection.</summary>
public static class DrayActionClient
{
    public static Task<ResourceDocument> RefreshWarehouseAsync(this DrayClient client, string project, string name, CancellationToken ct) =>
        SendForDocumentAsync(client, HttpMethod.Post, $"{ProjectPath(project)}/warehouses/{Escape(name)}/refresh", null, ct);

    public static Task<ResourceDocument> UpdateFreightAliasAsync(this DrayClient client, string project, string nameOrAlias, string alias, CancellationToken ct) =>
        SendForDocumentAsync(client, HttpMethod.Patch, $"{ProjectPath(project)}/freight/{Escape(nameOrAlias)}/alias", new JsonObject { ["alias"] = alias }, ct);

    public static Task<ResourceDocument> ApproveFreightAsync(this DrayClient client, string project, string nameOrAlias, string stage, CancellationToken ct) =>
        SendForDocumentAsync(client, HttpMethod.Post, $"{ProjectPath(project)}/freight/{Escape(nameOrAlias)}/approve?stage={Escape(stage)}", null, ct);

    /// <summary>Exactly one of <paramref name="freight"/> and <paramref name="freightAlias"/>.</summary>
    public static Task<ResourceDocument> PromoteAsync(this DrayClient client, string project, string stage, string? freight, string? freightAlias, CancellationToken ct) =>
        SendForDocumentAsync(client, HttpMethod.Post, $"{ProjectPath(project)}/stages/{Escape(stage)}/promotions",
            new JsonObject { ["freight"] = freight, ["freightAlias"] = freightAlias }, ct);

    /// <summary>The Stage's auto-promotion candidate from <paramref name="warehouse"/>, promoted.</summary>
    public static Task<ResourceDocument> PromoteFromWarehouseAsync(this DrayClient client, string project, string stage, string warehouse, CancellationToken ct) =>
        SendForDocumentAsync(client, HttpMethod.Post, $"{ProjectPath(project)}/stages/{Escape(stage)}/promotions",
            new JsonObject { ["warehouse"] = warehouse }, ct);

    /// <summary>Promotes to every Stage downstream of <paramref name="stage"/>; the answer has <c>items</c> and <c>skipped</c>.</summary>
    public static async Task<JsonObject> PromoteDownstreamAsync(this DrayClient client, string project, string stage, string? freight, string? freightAlias, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await client.SendRawAsync(HttpMethod.Post, $"{ProjectPath(project)}/stages/{Escape(stage)}/promotions/downstream",
            new JsonObject { ["freight"] = freight, ["freightAlias"] = freightAlias }, ct).ConfigureAwait(false);
        return JsonNode.Parse(body) as JsonObject ?? throw new DrayApiException("the server answered the downstream promotion with something other than a JSON object");
    }

    /// <summary>Asks the Stage controller to verify the current Freight again (<paramref name="abort"/>: stop the running verification).</summary>
    public static async Task VerifyStageAsync(this DrayClient client, string project, string stage, bool abort, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.SendRawAsync(HttpMethod.Post, $"{ProjectPath(project)}/stages/{Escape(stage)}/verification{(abort ? "/abort" : "")}", null, ct).ConfigureAwait(false);
    }

    public static async Task AbortPromotionAsync(this DrayClient client, string project, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.SendRawAsync(HttpMethod.Post, $"{ProjectPath(project)}/promotions/{Escape(name)}/abort", null, ct).ConfigureAwait(false);
    }

    /// <summary>The <c>items</c> of <c>GET …/stages/{stage}/freight</c>: <c>{freight, available, reason}</c> each.</summary>
    public static async Task<JsonArray> ListStageFreightAsync(this DrayClient client, string project, string stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await client.SendRawAsync(HttpMethod.Get, $"{ProjectPath(project)}/stages/{Escape(stage)}/freight", null, ct).ConfigureAwait(false);
        return (JsonNode.Parse(body) as JsonObject)?["items"] as JsonArray
            ?? throw new DrayApiException("the server answered the stage freight list without items");
    }

    private static async Task<ResourceDocument> SendForDocumentAsync(DrayClient client, HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var text = await client.SendRawAsync(method, path, body, ct).ConfigureAwait(false);
        return JsonNode.Parse(text) is JsonObject json ? new ResourceDocument(json) : throw new DrayApiException($"the server answered {path} with something other than a JSON object");
    }

    internal static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string ProjectPath(string project) => $"api/v1/projects/{Escape(project)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
