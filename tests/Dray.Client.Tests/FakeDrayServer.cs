using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dray.Client.Tests;

/// <summary>One multipart part as the server received it.</summary>
public sealed record ReceivedPart(string Name, string? FileName, string? ContentType, string Content);

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking a small, scripted slice of docs/api.md, so the client is tested over
/// real HTTP, real multipart and a real event stream.
/// </summary>
public sealed class FakeDrayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDrayServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public ConcurrentQueue<ReceivedPart> Parts { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeDrayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDrayServer(app);
        server.Map(app);
        await app.StartAsync();
        return server;
    }

    private static IResult Problem(int status, string detail, object? errors = null) =>
        Results.Json(
            errors is null ? new { title = "Problem", status, detail } : new { title = "Problem", status, detail, errors },
            statusCode: status,
            contentType: "application/problem+json");

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} auth={context.Request.Headers.Authorization}");
            await next(context);
        });

        app.MapPost("/api/v1/login", async (HttpRequest request) =>
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            return body.RootElement.GetProperty("password").GetString() == "pw"
                ? Results.Json(new { token = "session-token", expiresAt = "2026-01-31T00:00:00Z" })
                : Problem(401, "wrong password");
        });

        app.MapGet("/api/v1/version", (HttpRequest request) =>
            request.Headers.Authorization == "Bearer session-token"
                ? Results.Json(new { version = "1.2.3", commit = "abc1234" })
                : Problem(401, "authentication required"));

        app.MapPost("/api/v1/resources", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var results = new List<object>();
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                var content = await reader.ReadToEndAsync();
                Parts.Enqueue(new ReceivedPart(file.Name, file.FileName, file.ContentType, content));
                if (content.Contains("invalid", StringComparison.Ordinal))
                {
                    return Problem(422, "1 manifest error", new[] { new { file = file.FileName, line = 4, column = 7, path = "spec.subscriptions", message = "is required" } });
                }

                results.Add(new { kind = "Stage", @namespace = "p", name = Path.GetFileNameWithoutExtension(file.FileName), action = request.Query["dryRun"] == "true" ? "created" : "configured" });
            }

            return Results.Json(new { results, warnings = new[] { new { file = "a.yaml", line = 3, column = 1, path = "spec.subscriptions[0].image.semverConstraint", message = "renamed to constraint" } } });
        });

        app.MapGet("/api/v1/projects/p/stages", (HttpRequest request) =>
        {
            var page = request.Query["continue"].ToString();
            return page switch
            {
                "" => Results.Json(new { apiVersion = "v1", kind = "List", metadata = new { @continue = "page-2", resourceVersion = "7" }, items = new[] { Stage("a"), Stage("b") } }),
                "page-2" => Results.Json(new { apiVersion = "v1", kind = "List", metadata = new { @continue = "", resourceVersion = "7" }, items = new[] { Stage("c") } }),
                _ => Problem(410, "continue token expired"),
            };
        });

        app.MapGet("/api/v1/projects/p/stages/{name}", (string name) => name switch
        {
            "broken" => Results.Text("upstream exploded", "text/plain", statusCode: 502),
            "missing" => Problem(404, "Stage \"missing\" not found in project \"p\""),
            _ => Results.Json(Stage(name)),
        });

        app.MapDelete("/api/v1/projects/p/stages/{name}", (string name) =>
            name == "missing" ? Problem(404, "Stage \"missing\" not found in project \"p\"") : Results.NoContent());

        app.MapPost("/api/v1/tokens", async (HttpRequest request) =>
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            var name = body.RootElement.GetProperty("name").GetString();
            var role = body.RootElement.GetProperty("role").GetString();
            return Results.Json(new { name, role, project = (string?)null, token = "dray_" + name });
        });

        app.MapGet("/api/v1/watch", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(": keep-alive\n\n");
            await context.Response.WriteAsync("id: 8\nevent: ADDED\ndata: {\"kind\":\"Stage\",\n");
            await context.Response.WriteAsync("data: \"metadata\":{\"name\":\"a\",\"namespace\":\"p\"}}\n\n");
            await context.Response.WriteAsync("id: 9\nevent: DELETED\ndata: {\"kind\":\"Stage\",\"metadata\":{\"name\":\"b\",\"namespace\":\"p\"}}\n\n");
        });
    }

    private static object Stage(string name) => new
    {
        apiVersion = "kargo.akuity.io/v1alpha1",
        kind = "Stage",
        metadata = new { name, @namespace = "p" },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
