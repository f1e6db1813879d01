using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Promotions;
using Dray.Core.Steps;
using Dray.Steps.ApiClients;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// <c>argocd-update</c>: updates the sources of consenting Applications, syncs them, and returns Running until the
/// sync has finished and the apps are healthy; then registers an <c>argocd-update</c> health check for the Stage.
/// </summary>
public sealed class ArgoCdUpdateStep(ArgoCdClientFactory clients, ArgoCdStepOptions options) : PromotionStep<ArgoCdUpdateConfig>
{
    protected override async ValueTask<StepResult> RunAsync(StepContext context, ArgoCdUpdateConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        if (options.Server is null)
        {
            return StepResult.Errored("argocd-update: no Argo CD server is configured for this Dray installation", terminal: true);
        }

        var targets = config.Apps.Select(a => new ArgoCdAppTarget(
            a.Name,
            string.IsNullOrEmpty(a.Namespace) ? options.DefaultNamespace : a.Namespace,
            a.Selector?.MatchLabels,
            (a.Sources ?? []).Select(ToUpdate).ToArray())).ToArray();
        var updater = new ArgoCdUpdater(clients.Create(new ArgoCdConnection(options.Server, options.Token, options.InsecureSkipTlsVerify)), context.TimeProvider);
        ArgoCdUpdateOutcome outcome;
        try
        {
            outcome = await updater.AdvanceAsync(targets, context.Project, context.Stage, context.Promotion, options.Timeout, ct);
        }
        catch (ApiException e)
        {
            return StepResult.Errored(e.Message, e.Terminal);
        }

        var apps = new JsonArray(outcome.Apps.Select(a => (JsonNode?)new JsonObject { ["name"] = a.Name, ["namespace"] = a.Namespace }).ToArray());
        var outputs = new JsonObject { ["apps"] = apps };
        return outcome.State switch
        {
            ArgoCdUpdateState.Waiting => StepResult.Running(options.PollInterval, outcome.Message) with { Outputs = outputs },
            ArgoCdUpdateState.Failed => StepResult.Failed(outcome.Message, outcome.Terminal),
            _ => StepResult.Succeeded(outputs) with { HealthChecks = [HealthCheck(outcome.Apps)] },
        };
    }

    private static ArgoCdSourceUpdate ToUpdate(ArgoCdSourceConfig s) => new()
    {
        RepoUrl = s.RepoURL,
        Chart = s.Chart,
        DesiredRevision = s.DesiredRevision,
        UpdateTargetRevision = s.UpdateTargetRevision,
        KustomizeImages = (s.Kustomize?.Images ?? []).Select(i => new ArgoCdKustomizeImage(i.RepoURL, i.Tag, i.Digest, i.NewName)).ToArray(),
        HelmParameters = (s.Helm?.Images ?? []).Select(i => new ArgoCdHelmParameter(i.Key, i.Value)).ToArray(),
    };

    private static HealthCheckStep HealthCheck(IReadOnlyList<ArgoCdUpdatedApp> apps)
    {
        var config = new JsonObject
        {
            ["apps"] = new JsonArray(apps.Select(a => (JsonNode?)new JsonObject
            {
                ["namespace"] = a.Namespace,
                ["name"] = a.Name,
                ["desiredRevisions"] = new JsonArray(a.DesiredRevisions.Select(r => (JsonNode?)r).ToArray()),
            }).ToArray()),
        };
        return new HealthCheckStep { Uses = "argocd-update", Config = JsonSerializer.SerializeToElement(config) };
    }
}
