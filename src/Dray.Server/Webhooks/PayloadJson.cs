using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dray.Server.Webhooks;

/// <summary>Tolerant reads from provider payloads: a missing or mistyped field is null, never an exception.</summary>
internal static class PayloadJson
{
    public static string? Str(JsonNode? node, params string[] path)
    {
        var current = Walk(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    public static JsonArray? Array(JsonNode? node, params string[] path) => Walk(node, path) as JsonArray;

    public static JsonObject? Object(JsonNode? node, params string[] path) => Walk(node, path) as JsonObject;

    public static IEnumerable<string> Strings(JsonArray? array) =>
        array?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()) ?? [];

    /// <summary>The distinct non-empty values, in order.</summary>
    public static IReadOnlyList<string> Urls(params string?[] candidates) =>
        candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The distinct non-empty refs, in order; null when there are none (then the push is not ref-filtered).</summary>
    public static IReadOnlyList<string>? Refs(IEnumerable<string?> candidates)
    {
        var refs = candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();
        return refs.Count == 0 ? null : refs;
    }

    /// <summary>Files added, modified or removed by the commits of a GitHub/Gitea/GitLab-style push; null when none are listed.</summary>
    public static IReadOnlyList<string>? ChangedPaths(JsonArray? commits, JsonObject? headCommit = null)
    {
        var all = new List<JsonNode?>();
        all.AddRange(commits ?? []);
        if (all.Count == 0 && headCommit is not null)
        {
            all.Add(headCommit);
        }

        var paths = all.OfType<JsonObject>()
            .SelectMany(c => Strings(c["added"] as JsonArray).Concat(Strings(c["modified"] as JsonArray)).Concat(Strings(c["removed"] as JsonArray)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return paths.Count == 0 ? null : paths;
    }

    /// <summary>
    /// Files a GitHub/Gitea push changed. A tag push changes no files, yet it is exactly what tag-based subscriptions
    /// wait for, so it gets no path filter (null).
    /// </summary>
    public static IReadOnlyList<string>? PushedFiles(JsonObject body) =>
        Str(body, "ref") is { } reference && reference.StartsWith("refs/tags/", StringComparison.Ordinal)
            ? null
            : ChangedPaths(Array(body, "commits"), Object(body, "head_commit"));

    /// <summary><c>host/repo:tag</c> or <c>host/repo@sha256:…</c> without the tag or digest.</summary>
    public static string WithoutTag(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            reference = reference[..at];
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[..colon] : reference;
    }

    private static JsonNode? Walk(JsonNode? node, string[] path)
    {
        var current = node;
        foreach (var segment in path)
        {
            current = current is JsonObject obj ? obj[segment] : null;
        }

        return current;
    }
}
