using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dray.Tests.Commands;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers a scripted slice of docs/api.md, so command output and exit codes can
/// be checked for answers the real server gives rarely (422 with positions, warnings, several pages).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {context.Request.Headers.Authorization}");
            await next(context);
        });
        app.MapPost("/api/v1/login", () => Results.Json(new { token = "tok-from-login", expiresAt = "2026-02-01T00:00:00Z" }));
        app.MapPost("/api/v1/resources", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form.Files.Any(f => f.FileName.Contains("bad", StringComparison.Ordinal)))
            {
                return Results.Json(
                    new
                    {
                        title = "Invalid manifests",
                        status = 422,
                        detail = "2 manifest errors",
                        errors = new object[]
                        {
                            new { file = "m/bad.yaml", line = 7, column = 5, path = "spec.requestedFreight[0].origin.name", message = "is required" },
                            new { file = "m/bad.yaml", line = 12, column = 3, path = "", message = "unknown kind \"Stag\"" },
                        },
                    },
                    statusCode: 422,
                    contentType: "application/problem+json");
            }

            var dryRun = request.Query["dryRun"] == "true";
            return Results.Json(new
            {
                results = new object[]
                {
                    new { kind = "Project", @namespace = (string?)null, name = "kargo-demo", action = dryRun ? "unchanged" : "unchanged" },
                    new { kind = "Stage", @namespace = "kargo-demo", name = "test", action = "created" },
                },
                warnings = new[] { new { file = "m/a.yaml", line = 9, column = 7, path = "spec.subscriptions[0].image.semverConstraint", message = "converted to constraint" } },
            });
        });
        app.MapGet("/api/v1/projects/kargo-demo/stages", (HttpRequest request) => request.Query["continue"].ToString() switch
        {
            "" => Results.Json(new { apiVersion = "v1", kind = "List", metadata = new { @continue = "2" }, items = new[] { Stage("test") } }),
            _ => Results.Json(new { apiVersion = "v1", kind = "List", metadata = new { }, items = new[] { Stage("uat") } }),
        });
        app.MapDelete("/api/v1/projects/kargo-demo/stages/{name}", (string name) => name == "ghost"
            ? Results.Json(new { title = "Not Found", status = 404, detail = "Stage \"ghost\" not found in project \"kargo-demo\"" }, statusCode: 404, contentType: "application/problem+json")
            : Results.NoContent());
        await app.StartAsync();
        return server;
    }

    private static object Stage(string name) => new
    {
        apiVersion = "kargo.akuity.io/v1alpha1",
        kind = "Stage",
        metadata = new { name, @namespace = "kargo-demo", creationTimestamp = "2026-01-30T11:00:00Z" },
        spec = new { },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
