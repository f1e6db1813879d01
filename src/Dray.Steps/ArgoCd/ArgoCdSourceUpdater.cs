using System.Text.Json.Nodes;
using Dray.Steps.PullRequests;

namespace Dray.Steps.ArgoCd;

/// <summary>
/// Applies source updates to a copy of an Application's sources. Pure: the result is the new <c>spec.source</c> or
/// <c>spec.sources</c> value, or an error naming the update no source matched.
/// </summary>
public static class ArgoCdSourceUpdater
{
    public static (JsonNode? Sources, string? Error) Apply(ArgoCdApplication app, IReadOnlyList<ArgoCdSourceUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(updates);
        var sources = app.Sources.Select(s => (JsonObject)s.DeepClone()).ToList();
        foreach (var update in updates)
        {
            var target = sources.FirstOrDefault(s =>
                string.Equals(JsonRead.Str(s["repoURL"]), update.RepoUrl, StringComparison.Ordinal)
                && (update.Chart is null || string.Equals(JsonRead.Str(s["chart"]), update.Chart, StringComparison.Ordinal)));
            if (target is null)
            {
                var chart = update.Chart is null ? string.Empty : $" and chart {update.Chart}";
                return (null, $"Application {app.Name} has no source with repoURL {update.RepoUrl}{chart}");
            }

            if (update.UpdateTargetRevision && update.DesiredRevision is { Length: > 0 } revision)
            {
                target["targetRevision"] = revision;
            }

            if (update.KustomizeImages.Count > 0)
            {
                var kustomize = Child(target, "kustomize");
                var images = kustomize["images"] as JsonArray ?? [];
                foreach (var image in update.KustomizeImages)
                {
                    var existing = images.Select((n, i) => (Text: JsonRead.Str(n), Index: i))
                        .FirstOrDefault(e => e.Text is not null && ImageName(e.Text) == image.RepoUrl);
                    if (existing.Text is not null)
                    {
                        images[existing.Index] = image.Render();
                    }
                    else
                    {
                        images.Add(image.Render());
                    }
                }

                kustomize["images"] = images.DeepClone();
            }

            if (update.HelmParameters.Count > 0)
            {
                var helm = Child(target, "helm");
                var parameters = helm["parameters"] as JsonArray ?? [];
                foreach (var parameter in update.HelmParameters)
                {
                    var existing = parameters.OfType<JsonObject>().FirstOrDefault(p => JsonRead.Str(p["name"]) == parameter.Key);
                    if (existing is not null)
                    {
                        existing["value"] = parameter.Value;
                    }
                    else
                    {
                        parameters.Add(new JsonObject { ["name"] = parameter.Key, ["value"] = parameter.Value });
                    }
                }

                helm["parameters"] = parameters.DeepClone();
            }
        }

        return app.IsMultiSource
            ? (new JsonArray(sources.Select(s => (JsonNode?)s).ToArray()), null)
            : (sources.Count == 1 ? sources[0] : null, sources.Count == 1 ? null : $"Application {app.Name} has no source");
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>The image an override applies to: the part before <c>=</c>, or before the tag or digest.</summary>
    private static string ImageName(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            return entry[..eq];
        }

        var at = entry.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return entry[..at];
        }

        var colon = entry.LastIndexOf(':');
        return colon > entry.LastIndexOf('/') && colon > 0 ? entry[..colon] : entry;
    }
}
