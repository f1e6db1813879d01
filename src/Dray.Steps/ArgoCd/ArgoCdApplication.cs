using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;

namespace Dray.Steps.ArgoCd;

/// <summary>A read view over an Argo CD Application as the API returns it (v1alpha1Application).</summary>
public sealed record ArgoCdApplication(JsonObject Document)
{
    public string Name => JsonRead.Str(Document["metadata"]?["name"]) ?? string.Empty;

    public string? Namespace => JsonRead.Str(Document["metadata"]?["namespace"]);

    public string? Annotation(string key) => JsonRead.Str(Document["metadata"]?["annotations"]?[key]);

    /// <summary>True when the app uses <c>spec.sources</c> (multi-source) rather than <c>spec.source</c>.</summary>
    public bool IsMultiSource => Document["spec"]?["sources"] is JsonArray { Count: > 0 };

    public IReadOnlyList<JsonObject> Sources => IsMultiSource
        ? ((JsonArray)Document["spec"]!["sources"]!).OfType<JsonObject>().ToArray()
        : Document["spec"]?["source"] is JsonObject single ? [single] : [];

    public string? OperationPhase => JsonRead.Str(Document["status"]?["operationState"]?["phase"]);

    public string? OperationMessage => JsonRead.Str(Document["status"]?["operationState"]?["message"]);

    /// <summary>True while an operation is requested or running.</summary>
    public bool OperationInProgress =>
        Document["operation"] is JsonObject || OperationPhase is "Running" or "Terminating";

    /// <summary>The value of a named info entry of the current or last operation.</summary>
    public string? OperationInfo(string name)
    {
        var infos = Document["operation"]?["info"] as JsonArray
            ?? Document["status"]?["operationState"]?["operation"]?["info"] as JsonArray;
        return infos?.FirstOrDefault(i => JsonRead.Str(i?["name"]) == name) is { } hit ? JsonRead.Str(hit["value"]) : null;
    }

    public string? HealthStatus => JsonRead.Str(Document["status"]?["health"]?["status"]);

    public string? SyncStatus => JsonRead.Str(Document["status"]?["sync"]?["status"]);

    /// <summary>The revisions the last sync applied, one per source.</summary>
    public IReadOnlyList<string> SyncedRevisions
    {
        get
        {
            var result = Document["status"]?["operationState"]?["syncResult"];
            if (result?["revisions"] is JsonArray many && many.Count > 0)
            {
                return many.Select(r => JsonRead.Str(r) ?? string.Empty).ToArray();
            }

            return JsonRead.Str(result?["revision"]) is { } one ? [one] : [];
        }
    }
}
