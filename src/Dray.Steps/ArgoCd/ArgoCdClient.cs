using System.Net;
using System.Text.Json.Nodes;
using Dray.Steps.ApiClients;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// Argo CD's REST API (per its published swagger): read an Application, merge-patch its sources
/// (<c>ApplicationService_Patch</c>), and start a sync (<c>ApplicationService_Sync</c>).
/// </summary>
public sealed class ArgoCdClient(ApiTransport transport, Uri server)
{
    public const string PromotionInfoName = "kargo.akuity.io/promotion";

    /// <summary>The Application, or null when it does not exist.</summary>
    public async Task<ArgoCdApplication?> GetAsync(string name, string? appNamespace, CancellationToken ct)
    {
        var response = await transport.SendAsync(HttpMethod.Get, AppUrl(name, string.Empty, appNamespace), null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return response.IsSuccess && response.Body is JsonObject app
            ? new ArgoCdApplication(app)
            : throw transport.Failure(response, $"reading Application {Describe(name, appNamespace)}");
    }

    /// <summary>Applications whose labels match every pair of <paramref name="matchLabels"/>.</summary>
    public async Task<IReadOnlyList<ArgoCdApplication>> ListAsync(
        IReadOnlyDictionary<string, string> matchLabels, string? appNamespace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(matchLabels);
        var selector = string.Join(',', matchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        var query = $"?selector={Uri.EscapeDataString(selector)}"
            + (appNamespace is { Length: > 0 } ns ? $"&appNamespace={Uri.EscapeDataString(ns)}" : string.Empty);
        var response = await transport.SendAsync(HttpMethod.Get, new Uri(server, "api/v1/applications" + query), null, ct);
        if (!response.IsSuccess)
        {
            throw transport.Failure(response, $"listing Applications matching {selector}");
        }

        return (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new ArgoCdApplication(a)).ToArray();
    }

    /// <summary>Replaces <c>spec.source</c> or <c>spec.sources</c> with a JSON merge patch.</summary>
    public async Task<ArgoCdApplication> PatchSourcesAsync(ArgoCdApplication app, JsonNode sources, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sources);
        var spec = new JsonObject { [app.IsMultiSource ? "sources" : "source"] = sources.DeepClone() };
        var body = new JsonObject
        {
            ["name"] = app.Name,
            ["patch"] = new JsonObject { ["spec"] = spec }.ToJsonString(),
            ["patchType"] = "merge",
        };
        if (app.Namespace is { } ns)
        {
            body["appNamespace"] = ns;
        }

        var response = await transport.SendAsync(HttpMethod.Patch, AppUrl(app.Name, string.Empty, null), body, ct);
        return response.IsSuccess && response.Body is JsonObject patched
            ? new ArgoCdApplication(patched)
            : throw transport.Failure(response, $"updating the sources of Application {Describe(app.Name, app.Namespace)}");
    }

    /// <summary>Starts a sync to the given revisions (one per source), tagged with the promotion's name.</summary>
    public async Task<ArgoCdApplication> SyncAsync(ArgoCdApplication app, IReadOnlyList<string> revisions, string promotion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(revisions);
        var body = new JsonObject
        {
            ["name"] = app.Name,
            ["infos"] = new JsonArray(new JsonObject { ["name"] = PromotionInfoName, ["value"] = promotion }),
        };
        if (app.Namespace is { } ns)
        {
            body["appNamespace"] = ns;
        }

        if (app.IsMultiSource && revisions.Count > 0)
        {
            body["revisions"] = new JsonArray(revisions.Select(r => (JsonNode?)r).ToArray());
            body["sourcePositions"] = new JsonArray(revisions.Select((_, i) => (JsonNode?)(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }
        else if (revisions.Count == 1 && revisions[0].Length > 0)
        {
            body["revision"] = revisions[0];
        }

        var response = await transport.SendAsync(HttpMethod.Post, AppUrl(app.Name, "/sync", null), body, ct);
        return response.IsSuccess && response.Body is JsonObject synced
            ? new ArgoCdApplication(synced)
            : throw transport.Failure(response, $"starting a sync of Application {Describe(app.Name, app.Namespace)}");
    }

    private Uri AppUrl(string name, string suffix, string? appNamespace)
    {
        var query = appNamespace is { Length: > 0 } ns ? $"?appNamespace={Uri.EscapeDataString(ns)}" : string.Empty;
        return new Uri(server, $"api/v1/applications/{Uri.EscapeDataString(name)}{suffix}{query}");
    }

    private static string Describe(string name, string? ns) => ns is null ? name : $"{ns}/{name}";
}
