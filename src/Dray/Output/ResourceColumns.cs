using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Cli.Output;

/// <summary>The table columns of each kind. Every value tolerates missing spec and status.</summary>
internal static class ResourceColumns
{
    public static IReadOnlyList<Column> For(ResourceKind kind)
    {
        var name = new Column("NAME", (d, _) => d.Name);
        var age = new Column("AGE", (d, now) => Age.Format(Json.Text(d.Metadata, "creationTimestamp"), now));
        var project = new Column("PROJECT", (d, _) => d.Namespace ?? "", WideOnly: true);
        IReadOnlyList<Column> middle = kind.Kind switch
        {
            "Project" => [new("PHASE", (d, _) => Phase(d))],
            "Stage" =>
            [
                new("SHARD", (d, _) => Shard(d)),
                new("CURRENT FREIGHT", (d, _) => CurrentFreight(d)),
                new("HEALTH", (d, _) => Json.Text(d.Status, "health", "status")),
                new("READY", (d, _) => Condition(d, "Ready")),
                new("PHASE", (d, _) => Json.Text(d.Status, "phase"), WideOnly: true),
                new("STATUS", (d, _) => Condition(d, "Ready", "message"), WideOnly: true),
            ],
            "Warehouse" =>
            [
                new("SHARD", (d, _) => Shard(d)),
                new("READY", (d, _) => Condition(d, "Ready")),
                new("SUBSCRIPTIONS", (d, _) => Json.Count(d.Spec, "subscriptions").ToString(System.Globalization.CultureInfo.InvariantCulture), WideOnly: true),
            ],
            "Freight" =>
            [
                new("ALIAS", (d, _) => FirstNonEmpty(Json.Text(d.Json, "alias"), d.GetLabel("kargo.akuity.io/alias"))),
                new("ORIGIN", (d, _) => Json.Text(d.Json, "origin", "name")),
                new("ARTIFACTS", (d, _) => Artifacts(d), WideOnly: true),
            ],
            "Promotion" =>
            [
                new("STAGE", (d, _) => Json.Text(d.Spec, "stage")),
                new("FREIGHT", (d, _) => Json.Text(d.Spec, "freight")),
                new("PHASE", (d, _) => Json.Text(d.Status, "phase")),
            ],
            "PromotionTask" or "ClusterPromotionTask" => [new("STEPS", (d, _) => Count(d.Spec, "steps"))],
            "AnalysisTemplate" => [new("METRICS", (d, _) => Count(d.Spec, "metrics"))],
            "AnalysisRun" =>
            [
                new("STAGE", (d, _) => FirstNonEmpty(d.GetAnnotation("kargo.akuity.io/stage"), d.GetLabel("kargo.akuity.io/stage"))),
                new("PHASE", (d, _) => Json.Text(d.Status, "phase")),
                new("MEASUREMENTS", (d, _) => Measurements(d)),
            ],
            "ProjectConfig" => [new("POLICIES", (d, _) => Count(d.Spec, "promotionPolicies"))],
            "Secret" =>
            [
                new("TYPE", (d, _) => d.GetLabel("kargo.akuity.io/cred-type") ?? Json.Text(d.Json, "type")),
                new("REPO URL", (d, _) => FirstNonEmpty(Json.Text(d.Json, "stringData", "repoURL"), Json.Text(d.Json, "data", "repoURL")), WideOnly: true),
            ],
            _ => [],
        };
        return kind.Namespaced ? [name, .. middle, project, age] : [name, .. middle, age];
    }

    /// <summary>Per metric: its phase, how many measurements it took and the last value, e.g. <c>errors=Successful(3, last 0.01)</c>.</summary>
    private static string Measurements(ResourceDocument d) =>
        string.Join(" ", (Json.At(d.Status, "metricResults") as JsonArray ?? []).Select(r =>
        {
            var taken = r?["measurements"] as JsonArray ?? [];
            var last = taken.Count > 0 ? (string?)taken[^1]?["value"] : null;
            return $"{(string?)r?["name"]}={(string?)r?["phase"]}({taken.Count}{(last is null ? "" : ", last " + last)})";
        }));

    private static string Count(JsonNode? node, string field) =>
        Json.Count(node, field).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shard(ResourceDocument d) =>
        FirstNonEmpty(Json.Text(d.Spec, "shard"), d.GetLabel("kargo.akuity.io/shard"));

    private static string Phase(ResourceDocument d)
    {
        var phase = Json.Text(d.Status, "phase");
        if (phase.Length > 0)
        {
            return phase;
        }

        var ready = Condition(d, "Ready");
        return ready switch
        {
            "True" => "Ready",
            "False" => "NotReady",
            _ => ready,
        };
    }

    private static string Condition(ResourceDocument d, string type, string field = "status") =>
        (Json.At(d.Status, "conditions") as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(c => Json.Text(c, "type") == type)
            .Select(c => Json.Text(c, field))
            .FirstOrDefault() ?? "";

    /// <summary>Today's stages keep the newest collection first in <c>freightHistory</c>; 0.3 stages had <c>currentFreight</c>.</summary>
    private static string CurrentFreight(ResourceDocument d)
    {
        if (Json.At(d.Status, "freightHistory", "0", "items") is JsonObject items && items.Count > 0)
        {
            return string.Join(",", items.Select(p => Json.Text(p.Value, "name")).Where(n => n.Length > 0));
        }

        return FirstNonEmpty(
            Json.Text(d.Status, "currentFreight", "name"),
            Json.Text(d.Status, "currentFreight", "id"),
            Json.Text(d.Status, "lastPromotion", "freight", "name"));
    }

    private static string Artifacts(ResourceDocument d)
    {
        var parts = new List<string>();
        parts.AddRange((Json.At(d.Json, "images") as JsonArray ?? []).Select(i => $"{Json.Text(i, "repoURL")}:{Json.Text(i, "tag")}"));
        parts.AddRange((Json.At(d.Json, "commits") as JsonArray ?? []).Select(c => $"{Json.Text(c, "repoURL")}@{Shorten(Json.Text(c, "id"))}"));
        parts.AddRange((Json.At(d.Json, "charts") as JsonArray ?? []).Select(c => $"{Json.Text(c, "name")}:{Json.Text(c, "version")}"));
        return string.Join(",", parts);
    }

    private static string Shorten(string id) => id.Length > 7 ? id[..7] : id;

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
}
