using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dray.Server.Webhooks;

/// <summary>An inbound webhook delivery as the providers see it: headers (case-insensitive) and the raw body.</summary>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string[]> _headers;

    public WebhookRequest(IEnumerable<KeyValuePair<string, string[]>> headers, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        _headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            _headers[name] = values;
        }

        Body = body;
    }

    public byte[] Body { get; }

    /// <summary>The first value of the header, or null.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    /// <summary>Every value of the header; empty when absent.</summary>
    public IReadOnlyList<string> Headers(string name) => _headers.TryGetValue(name, out var values) ? values : [];

    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public JsonObject? JsonBody() => ParsedBody() as JsonObject;

    /// <summary>The body as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? ParsedBody()
    {
        if (Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            // Providers report a body they cannot read as a 400; the generic receiver sees no body.
            return null;
        }
    }
}
