using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;

namespace Dray.Steps.Tests.Contracts;

/// <summary>
/// A fake API on 127.0.0.1 that checks every request against a published spec (or documented surface), answers from
/// the test's handler, and checks the fixtures it serves against the spec's response schemas too.
/// </summary>
public sealed class ContractServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly SwaggerSpec? _spec;
    private readonly DocumentedSurface? _surface;
    private readonly string _stripPrefix;
    private readonly Func<RecordedRequest, Reply> _handler;

    public ContractServer(SwaggerSpec? spec, DocumentedSurface? surface, Func<RecordedRequest, Reply> handler, string stripPrefix = "")
    {
        _spec = spec;
        _surface = surface;
        _handler = handler;
        _stripPrefix = stripPrefix;
        _server = LoopbackHttpServer.Start(HandleAsync);
    }

    public Uri BaseUri => _server.BaseUri;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(System.Net.HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? null : JsonNode.Parse(text);
        var path = context.Request.Url!.AbsolutePath;
        if (_stripPrefix.Length > 0 && path.StartsWith(_stripPrefix, StringComparison.Ordinal))
        {
            path = path[_stripPrefix.Length..];
        }

        var request = new RecordedRequest(context.Request.HttpMethod, path, context.Request.QueryString, context.Request.Headers, body, context.Request.RawUrl ?? string.Empty);
        Requests.Enqueue(request);
        var problems = _spec?.CheckRequest(request.Method, path, body) ?? _surface?.Check(request) ?? [];
        foreach (var p in problems)
        {
            Violations.Enqueue(p);
        }

        var reply = problems.Count > 0 ? Reply.Json(400, """{"message":"contract violation"}""") : _handler(request);
        if (_spec is not null && reply.Status < 300)
        {
            foreach (var p in _spec.CheckResponse(request.Method, path, reply.Status, reply.Body))
            {
                Violations.Enqueue("fixture: " + p);
            }
        }

        await LoopbackHttpServer.RespondAsync(context, reply.Status, "application/json", reply.Body?.ToJsonString() ?? string.Empty);
    }
}
