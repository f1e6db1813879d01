using System.Text.Json.Nodes;
using Dray.Steps.Tests.Contracts;

namespace Dray.Steps.Tests.ArgoCd;

/// <summary>
/// An Argo CD API stand-in holding Application documents. Every request is checked against
/// shared/specs/argocd/swagger.json and every 2xx body it serves against the response schema.
/// </summary>
public sealed class FakeArgoCd : IAsyncDisposable
{
    public const string Token = "argocd-TOKEN-b7e2";

    private static readonly SwaggerSpec ArgoSpec = SwaggerSpec.Load(SwaggerSpec.SpecFile("argocd", "swagger.json"));

    private readonly object _gate = new();

    public FakeArgoCd() => Server = new ContractServer(ArgoSpec, null, Handle);

    public ContractServer Server { get; }

    public Dictionary<string, JsonObject> Apps { get; } = new(StringComparer.Ordinal);

    public int TransientFailures { get; set; }

    public string StartedAt { get; set; } = "2026-11-26T05:00:00Z";

    public static JsonObject App(string name, string authorizedStage, JsonObject spec) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "argocd",
            ["labels"] = new JsonObject { ["team"] = "web" },
            ["annotations"] = new JsonObject { ["kargo.akuity.io/authorized-stage"] = authorizedStage },
        },
        ["spec"] = spec,
        ["status"] = new JsonObject
        {
            ["health"] = new JsonObject { ["status"] = "Healthy" },
            ["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = "old" },
        },
    };

    /// <summary>Lets the sync started by the client finish, as the application controller would.</summary>
    public void CompleteOperation(string name, string phase, IReadOnlyList<string> revisions, string health)
    {
        lock (_gate)
        {
            var app = Apps[name];
            var state = (JsonObject)app["status"]!["operationState"]!;
            state["phase"] = phase;
            state["finishedAt"] = "2026-11-26T05:01:00Z";
            state["syncResult"] = revisions.Count == 1
                ? new JsonObject { ["revision"] = revisions[0] }
                : new JsonObject { ["revisions"] = new JsonArray(revisions.Select(r => (JsonNode?)r).ToArray()) };
            app.Remove("operation");
            app["status"]!["health"] = new JsonObject { ["status"] = health };
        }
    }

    /// <summary>Finishes every running sync as the application controller would, then reconciles (end-to-end tests).</summary>
    public void CompleteRunningOperations()
    {
        lock (_gate)
        {
            foreach (var (name, app) in Apps)
            {
                if ((string?)app["status"]!["operationState"]?["phase"] != "Running")
                {
                    continue;
                }

                var revision = (string?)app["operation"]?["sync"]?["revision"] ?? "main";
                CompleteOperation(name, "Succeeded", [revision], "Healthy");
                app["status"]!["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = revision };
                app["status"]!["reconciledAt"] = "2026-11-26T05:02:00Z";
            }
        }
    }

    public void SetHealth(string name, string health)
    {
        lock (_gate)
        {
            Apps[name]["status"]!["health"] = new JsonObject { ["status"] = health };
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static Reply Error(int status, string message) =>
        new(status, new JsonObject { ["error"] = message, ["message"] = message, ["code"] = status == 404 ? 5 : 16 });

    private Reply Handle(RecordedRequest r)
    {
        lock (_gate)
        {
            if (TransientFailures > 0)
            {
                TransientFailures--;
                return Error(503, "upstream connect error");
            }

            if (r.Headers["Authorization"] != $"Bearer {Token}")
            {
                return Error(401, "no session information");
            }

            var parts = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            switch (r.Method, parts)
            {
                case ("GET", ["api", "v1", "applications"]):
                    var selector = (r.Query["selector"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('='));
                    var matches = Apps.Values.Where(a => selector.All(kv => (string?)a["metadata"]!["labels"]?[kv[0]] == kv[1]));
                    return new Reply(200, new JsonObject { ["items"] = new JsonArray(matches.Select(a => a.DeepClone()).ToArray()) });
                case ("GET", ["api", "v1", "applications", var name]):
                    return Apps.TryGetValue(name, out var found) ? new Reply(200, found.DeepClone()) : Error(404, $"applications.argoproj.io \"{name}\" not found");
                case ("PATCH", ["api", "v1", "applications", var name]):
                    ((string?)r.Body!["patchType"]).ShouldBe("merge");
                    var patch = JsonNode.Parse((string)r.Body!["patch"]!)!.AsObject();
                    var target = Apps[name];
                    foreach (var (key, value) in patch["spec"]!.AsObject())
                    {
                        target["spec"]![key] = value!.DeepClone();
                    }

                    return new Reply(200, target.DeepClone());
                case ("POST", ["api", "v1", "applications", var name, "sync"]):
                    var app = Apps[name];
                    var operation = new JsonObject
                    {
                        ["sync"] = new JsonObject { ["revision"] = r.Body!["revision"]?.DeepClone(), ["revisions"] = r.Body!["revisions"]?.DeepClone() },
                        ["info"] = r.Body!["infos"]?.DeepClone(),
                        ["initiatedBy"] = new JsonObject { ["username"] = "kargo-controller" },
                    };
                    app["operation"] = operation;
                    app["status"]!["operationState"] = new JsonObject
                    {
                        ["phase"] = "Running",
                        ["startedAt"] = StartedAt,
                        ["operation"] = operation.DeepClone(),
                    };
                    return new Reply(200, app.DeepClone());
                default:
                    return Error(404, "not found");
            }
        }
    }
}
