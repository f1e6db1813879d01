using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;
using Dray.Steps.ApiClients;
using Dray.Steps.PullRequests;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// The <c>argocd-update</c> health check: reads each Application the step updated and reports the worst
/// state, with the per-app statuses as output.
/// </summary>
public sealed class ArgoCdHealthChecker(ArgoCdClientFactory clients, ArgoCdStepOptions options) : IHealthChecker
{
    public string Name => "argocd-update";

    public async ValueTask<Health> CheckAsync(HealthCheckContext context, JsonElement? config, CancellationToken cancellationToken)
    {
        if (options.Server is null)
        {
            return new Health { Status = HealthState.Unknown, Issues = ["no Argo CD server is configured for this Dray installation"] };
        }

        var client = clients.Create(new ArgoCdConnection(options.Server, options.Token, options.InsecureSkipTlsVerify));
        var apps = config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("apps", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        var results = new List<Health>();
        var output = new JsonArray();
        foreach (var entry in apps)
        {
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var ns = entry.TryGetProperty("namespace", out var s) ? s.GetString() : null;
            var desired = entry.TryGetProperty("desiredRevisions", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Select(r => r.GetString() ?? "").ToList()
                : [];
            ArgoCdApplication? app;
            try
            {
                app = await client.GetAsync(name, ns, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException e)
            {
                results.Add(new Health { Status = HealthState.Unknown, Issues = [e.Message] });
                continue;
            }

            var (state, issue) = ArgoCdAppHealth.Assess(name, app, desired);
            results.Add(new Health { Status = state, Issues = issue is null ? null : [issue] });
            output.Add(new JsonObject
            {
                ["namespace"] = ns,
                ["name"] = name,
                ["healthStatus"] = app?.HealthStatus,
                ["syncStatus"] = JsonRead.Str(app?.Document["status"]?["sync"]?["status"]),
            });
        }

        var combined = StageHealth.Combine(results);
        return combined with { Output = output.Count == 0 ? null : JsonSerializer.SerializeToElement(new JsonObject { ["appStatuses"] = output }) };
    }
}
