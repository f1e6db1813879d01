using System.Globalization;
using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>Legacy <c>helm.images</c> become <c>yaml-update</c> steps; <c>helm.charts</c> become <c>helm-update-chart</c>.</summary>
internal static class LegacyHelmSteps
{
    public static IEnumerable<string> Add(LegacyStepsBuilder builder, JsonObject helm, string path, string dir, string suffix, List<string> aliases)
    {
        var kinds = new List<string>();
        var images = (helm["images"] as JsonArray ?? []).OfType<JsonObject>().Select((image, i) => (Item: image, Index: i))
            .GroupBy(x => LegacyEdit.Text(x.Item["valuesFilePath"]) ?? "", StringComparer.Ordinal).ToList();
        var n = 0;
        foreach (var group in images)
        {
            var alias = "update-values" + suffix + (images.Count == 1 ? "" : "-" + (++n).ToString(CultureInfo.InvariantCulture));
            var updates = new JsonArray();
            foreach (var (item, _) in group)
            {
                var image = LegacyEdit.Text(item["image"]) ?? "";
                updates.Add(new JsonObject
                {
                    ["key"] = LegacyEdit.Text(item["key"]) ?? "",
                    ["value"] = Expressions.HelmImageValue(image, LegacyEdit.Text(item["value"])) ?? LegacyEdit.Text(item["value"]),
                });
            }

            builder.Add("yaml-update", alias, new JsonObject { ["path"] = LegacyStepsBuilder.Join(dir, group.Key), ["updates"] = updates },
                $"{path}.images[{group.First().Index}]");
            aliases.Add(alias);
            kinds.Add("yaml-update");
        }

        var charts = (helm["charts"] as JsonArray ?? []).OfType<JsonObject>().Select((chart, i) => (Item: chart, Index: i))
            .GroupBy(x => LegacyEdit.Text(x.Item["chartPath"]) ?? "", StringComparer.Ordinal).ToList();
        n = 0;
        foreach (var group in charts)
        {
            var alias = "update-chart" + suffix + (charts.Count == 1 ? "" : "-" + (++n).ToString(CultureInfo.InvariantCulture));
            var list = new JsonArray();
            foreach (var (item, _) in group)
            {
                var registry = LegacyEdit.Text(item["registryURL"]) ?? LegacyEdit.Text(item["repoURL"]) ?? "";
                var name = LegacyEdit.Text(item["name"]) ?? "";
                var oci = registry.StartsWith("oci://", StringComparison.OrdinalIgnoreCase);
                list.Add(new JsonObject
                {
                    ["repository"] = registry,
                    ["name"] = name,
                    ["version"] = oci
                        ? Expressions.ChartVersion(registry.TrimEnd('/') + "/" + name, null)
                        : Expressions.ChartVersion(registry, name),
                });
            }

            builder.Add("helm-update-chart", alias, new JsonObject { ["path"] = LegacyStepsBuilder.Join(dir, group.Key), ["charts"] = list },
                $"{path}.charts[{group.First().Index}]");
            aliases.Add(alias);
            kinds.Add("helm-update-chart");
        }

        return kinds;
    }
}
