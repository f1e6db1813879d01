using System.Globalization;
using System.Text.Json.Nodes;
using Dray.Core.Model.Stages;
using Dray.Steps.PullRequests;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// One Application's contribution to Stage health (Kargo §6.4), pure over the Application document: not found,
/// not yet reconciled since its last operation (Kargo #2196), error conditions, desired revisions, then the
/// Argo CD health status.
/// </summary>
public static class ArgoCdAppHealth
{
    public static (HealthState State, string? Issue) Assess(string name, ArgoCdApplication? app, IReadOnlyList<string> desiredRevisions)
    {
        ArgumentNullException.ThrowIfNull(desiredRevisions);
        if (app is null)
        {
            return (HealthState.Unknown, $"Application {name} not found");
        }

        var finished = Time(app.Document["status"]?["operationState"]?["finishedAt"]);
        var reconciled = Time(app.Document["status"]?["reconciledAt"]);
        if (finished is { } f && (reconciled is null || reconciled < f))
        {
            return (HealthState.Unknown, $"Application {name} has not been reconciled since its last operation finished; its status is not trusted yet");
        }

        var errors = (app.Document["status"]?["conditions"] as JsonArray ?? [])
            .Select(c => (Type: JsonRead.Str(c?["type"]), Message: JsonRead.Str(c?["message"])))
            .Where(c => c.Type?.EndsWith("Error", StringComparison.Ordinal) == true)
            .ToList();
        if (errors.Count > 0)
        {
            return (HealthState.Unhealthy, $"Application {name}: " + string.Join("; ", errors.Select(e => $"{e.Type}: {e.Message}")));
        }

        if (desiredRevisions.Count > 0 && desiredRevisions.Any(r => r.Length > 0))
        {
            if (app.OperationInProgress)
            {
                return (HealthState.Unknown, $"Application {name} is still syncing");
            }

            var observed = ObservedRevisions(app);
            if (observed.Count != desiredRevisions.Count
                || desiredRevisions.Where((r, i) => r.Length > 0 && !string.Equals(r, observed[i], StringComparison.Ordinal)).Any())
            {
                return (HealthState.Unhealthy, $"Application {name} is synced to {string.Join(", ", observed)}, not to the desired {string.Join(", ", desiredRevisions)}");
            }
        }

        return app.HealthStatus switch
        {
            "Healthy" => (HealthState.Healthy, null),
            null or "" or "Progressing" or "Suspended" => (HealthState.Progressing, $"Application {name} is {app.HealthStatus ?? "Progressing"}"),
            var other => (HealthState.Unhealthy, $"Application {name} is {other}"),
        };
    }

    private static List<string> ObservedRevisions(ArgoCdApplication app)
    {
        var sync = app.Document["status"]?["sync"];
        if (sync?["revisions"] is JsonArray many && many.Count > 0)
        {
            return many.Select(r => JsonRead.Str(r) ?? string.Empty).ToList();
        }

        return JsonRead.Str(sync?["revision"]) is { } one ? [one] : [];
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        DateTimeOffset.TryParse(JsonRead.Str(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
