using System.Globalization;
using System.Text.Json.Nodes;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// One poll of <c>argocd-update</c>, keeping no state between polls: the Application's own operation (tagged with the
/// promotion's name) says whether this promotion already started its sync. Each poll either starts the sync, or
/// reports how the sync and the app's health are progressing.
/// </summary>
public sealed class ArgoCdUpdater(ArgoCdClient client, TimeProvider timeProvider)
{
    public async Task<ArgoCdUpdateOutcome> AdvanceAsync(
        IReadOnlyList<ArgoCdAppTarget> targets,
        string project,
        string stage,
        string promotion,
        TimeSpan timeout,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);

        // Resolve and vet every app first: nothing changes unless all of them consent and accept the updates.
        var plans = new List<(ArgoCdApplication App, ArgoCdAppTarget Target, JsonNode Sources, IReadOnlyList<string> Revisions)>();
        foreach (var target in targets)
        {
            IReadOnlyList<ArgoCdApplication> apps;
            if (target.Name is { } name)
            {
                var app = await client.GetAsync(name, target.Namespace, ct);
                if (app is null)
                {
                    return Failed($"Argo CD Application {target.Namespace}/{name} was not found", terminal: false);
                }

                apps = [app];
            }
            else
            {
                apps = await client.ListAsync(target.MatchLabels ?? new Dictionary<string, string>(), target.Namespace, ct);
                if (apps.Count == 0)
                {
                    return Failed($"no Argo CD Application in {target.Namespace} matches the selector", terminal: false);
                }
            }

            foreach (var app in apps)
            {
                var ns = app.Namespace ?? target.Namespace;
                if (!ArgoCdAuthorization.Authorizes(app.Annotation(ArgoCdAuthorization.AnnotationKey), project, stage))
                {
                    return Failed(
                        $"Argo CD Application {ns}/{app.Name} does not authorize Stage {project}:{stage} to update it: " +
                        $"its annotation {ArgoCdAuthorization.AnnotationKey} must list \"{project}:{stage}\"",
                        terminal: true);
                }

                var (sources, error) = ArgoCdSourceUpdater.Apply(app, target.Sources);
                if (error is not null)
                {
                    return Failed(error, terminal: true);
                }

                plans.Add((app, target, sources!, DesiredRevisions(app, target.Sources)));
            }
        }

        var updated = plans.Select(p => new ArgoCdUpdatedApp(p.App.Name, p.App.Namespace ?? p.Target.Namespace, p.Revisions)).ToArray();
        var waiting = new List<string>();
        foreach (var (app, _, sources, revisions) in plans)
        {
            var step = await AdvanceOneAsync(app, sources, revisions, promotion, timeout, ct);
            if (step.State == ArgoCdUpdateState.Failed)
            {
                return step with { Apps = updated };
            }

            if (step.State == ArgoCdUpdateState.Waiting)
            {
                waiting.Add(step.Message);
            }
        }

        return waiting.Count > 0
            ? new ArgoCdUpdateOutcome(ArgoCdUpdateState.Waiting, string.Join("; ", waiting), updated)
            : new ArgoCdUpdateOutcome(ArgoCdUpdateState.Done, $"{updated.Length} Application(s) synced and healthy", updated);
    }

    private async Task<ArgoCdUpdateOutcome> AdvanceOneAsync(
        ArgoCdApplication app, JsonNode sources, IReadOnlyList<string> revisions, string promotion, TimeSpan timeout, CancellationToken ct)
    {
        var label = $"{app.Namespace}/{app.Name}";
        if (app.OperationInfo(ArgoCdClient.PromotionInfoName) == promotion)
        {
            if (TimedOut(app, timeout))
            {
                return Failed($"Application {label} did not finish syncing and become healthy within {timeout}", terminal: true);
            }

            if (app.OperationInProgress)
            {
                return Waiting($"Application {label}: sync operation {app.OperationPhase ?? "requested"}");
            }

            switch (app.OperationPhase)
            {
                case "Failed" or "Error":
                    return Failed($"Application {label}: sync {app.OperationPhase}: {app.OperationMessage}", terminal: false);
                case "Succeeded":
                    var synced = app.SyncedRevisions;
                    for (var i = 0; i < revisions.Count; i++)
                    {
                        if (revisions[i].Length > 0 && (i >= synced.Count || synced[i] != revisions[i]))
                        {
                            return Failed(
                                $"Application {label} synced revision(s) [{string.Join(", ", synced)}], not the desired [{string.Join(", ", revisions)}]",
                                terminal: false);
                        }
                    }

                    return app.HealthStatus == "Healthy"
                        ? new ArgoCdUpdateOutcome(ArgoCdUpdateState.Done, $"Application {label} is synced and healthy", [])
                        : Waiting($"Application {label}: synced, health is {app.HealthStatus ?? "not reported yet"}");
                default:
                    return Waiting($"Application {label}: sync operation {app.OperationPhase ?? "requested"}");
            }
        }

        if (app.OperationInProgress)
        {
            return Waiting($"Application {label}: waiting for another party's operation to finish");
        }

        var current = app.IsMultiSource ? app.Document["spec"]?["sources"] : app.Document["spec"]?["source"];
        if (!JsonNode.DeepEquals(current, sources))
        {
            app = await client.PatchSourcesAsync(app, sources, ct);
        }

        await client.SyncAsync(app, revisions, promotion, ct);
        return Waiting($"Application {label}: sync started");
    }

    /// <summary>The revision each source must end up at: the update's desired revision, else nothing to check.</summary>
    private static string[] DesiredRevisions(ArgoCdApplication app, IReadOnlyList<ArgoCdSourceUpdate> updates) =>
        app.Sources.Select(source =>
                updates.FirstOrDefault(u =>
                    u.RepoUrl == (string?)source["repoURL"] && (u.Chart is null || u.Chart == (string?)source["chart"]))?.DesiredRevision
                ?? string.Empty)
            .ToArray();

    private bool TimedOut(ArgoCdApplication app, TimeSpan timeout)
    {
        var started = (string?)app.Document["status"]?["operationState"]?["startedAt"];
        return timeout > TimeSpan.Zero
            && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && timeProvider.GetUtcNow() - at > timeout;
    }

    private static ArgoCdUpdateOutcome Waiting(string message) => new(ArgoCdUpdateState.Waiting, message, []);

    private static ArgoCdUpdateOutcome Failed(string message, bool terminal) => new(ArgoCdUpdateState.Failed, message, [], terminal);
}
