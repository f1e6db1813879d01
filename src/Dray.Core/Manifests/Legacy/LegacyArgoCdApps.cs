using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>Legacy <c>argoCDAppUpdates</c> become the <c>apps</c> of one <c>argocd-update</c> step.</summary>
internal static class LegacyArgoCdApps
{
    public static JsonArray Convert(JsonArray appUpdates, IReadOnlyDictionary<string, string> commitAliasByRepo)
    {
        var apps = new JsonArray();
        foreach (var update in appUpdates.OfType<JsonObject>())
        {
            var app = new JsonObject { ["name"] = LegacyEdit.Text(update["appName"]) ?? "" };
            if (LegacyEdit.Text(update["appNamespace"]) is { Length: > 0 } ns)
            {
                app["namespace"] = ns;
            }

            var sources = new JsonArray();
            foreach (var source in (update["sourceUpdates"] as JsonArray ?? []).OfType<JsonObject>())
            {
                sources.Add(ConvertSource(source, commitAliasByRepo));
            }

            if (sources.Count > 0)
            {
                app["sources"] = sources;
            }

            apps.Add(app);
        }

        return apps;
    }

    private static JsonObject ConvertSource(JsonObject source, IReadOnlyDictionary<string, string> commitAliasByRepo)
    {
        var repoURL = LegacyEdit.Text(source["repoURL"]) ?? "";
        var chart = LegacyEdit.Text(source["chart"]);
        var result = new JsonObject { ["repoURL"] = repoURL };
        if (!string.IsNullOrEmpty(chart))
        {
            result["chart"] = chart;
        }

        if (LegacyEdit.Flag(source["updateTargetRevision"]))
        {
            // The revision to point at: the chart version, the commit this promotion wrote, or the Freight's commit.
            result["desiredRevision"] = !string.IsNullOrEmpty(chart)
                ? Expressions.ChartVersion(repoURL, chart)
                : commitAliasByRepo.TryGetValue(repoURL, out var alias)
                    ? $"${{{{ outputs['{alias}'].commit }}}}"
                    : Expressions.CommitId(repoURL);
            result["updateTargetRevision"] = true;
        }

        if ((source["kustomize"] as JsonObject)?["images"] is JsonArray kustomizeImages)
        {
            var images = new JsonArray();
            foreach (var image in kustomizeImages.OfType<JsonObject>())
            {
                var name = LegacyEdit.Text(image["image"]) ?? "";
                images.Add(LegacyEdit.Flag(image["useDigest"])
                    ? new JsonObject { ["repoURL"] = name, ["digest"] = Expressions.ImageDigest(name) }
                    : new JsonObject { ["repoURL"] = name, ["tag"] = Expressions.ImageTag(name) });
            }

            result["kustomize"] = new JsonObject { ["images"] = images };
        }

        if ((source["helm"] as JsonObject)?["images"] is JsonArray helmImages)
        {
            var images = new JsonArray();
            foreach (var image in helmImages.OfType<JsonObject>())
            {
                var name = LegacyEdit.Text(image["image"]) ?? "";
                images.Add(new JsonObject
                {
                    ["key"] = LegacyEdit.Text(image["key"]) ?? "",
                    ["value"] = Expressions.HelmImageValue(name, LegacyEdit.Text(image["value"])) ?? LegacyEdit.Text(image["value"]),
                });
            }

            result["helm"] = new JsonObject { ["images"] = images };
        }

        return result;
    }
}
