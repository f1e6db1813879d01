using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Manifests;

namespace Dray.Client;

/// <summary>Turns an error response into a <see cref="DrayApiException"/>, tolerating bodies that are not problem+json.</summary>
internal static class ProblemReader
{
    public static async Task<DrayApiException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return Parse(response.StatusCode, body);
    }

    public static DrayApiException Parse(HttpStatusCode status, string body)
    {
        JsonObject? problem = null;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            // Not JSON: a proxy page or a plain-text error; fall through and report the text.
        }

        if (problem is null)
        {
            var text = body.Trim();
            return new DrayApiException(status, null, text.Length == 0 ? null : text, []);
        }

        return new DrayApiException(status, Text(problem["title"]), Text(problem["detail"]), ReadErrors(problem["errors"]));
    }

    private static List<ManifestError> ReadErrors(JsonNode? node)
    {
        var errors = new List<ManifestError>();
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject e)
                    {
                        errors.Add(new ManifestError(
                            Text(e["file"]), Number(e["line"]), Number(e["column"]), Text(e["path"]) ?? "", Text(e["message"]) ?? ""));
                    }
                    else if (Text(item) is { } message)
                    {
                        errors.Add(new ManifestError(null, 0, 0, "", message));
                    }
                }

                break;
            case JsonObject fields:
                // ASP.NET validation problems map each field to a list of messages.
                foreach (var (field, messages) in fields)
                {
                    var list = messages as JsonArray ?? [messages?.DeepClone()];
                    errors.AddRange(list.Select(m => new ManifestError(null, 0, 0, field, Text(m) ?? "")));
                }

                break;
        }

        return errors;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    private static int Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) => p,
        _ => 0,
    };
}
