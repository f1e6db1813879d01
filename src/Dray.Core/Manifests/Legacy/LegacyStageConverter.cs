using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>
/// Converts a v0.3-era Stage: <c>spec.subscriptions</c> becomes <c>spec.requestedFreight</c> and
/// <c>spec.promotionMechanisms</c> becomes <c>spec.promotionTemplate.spec.steps</c>.
/// </summary>
internal static class LegacyStageConverter
{
    public static void Convert(LegacyEdit edit, StageOriginResolver origins)
    {
        if (edit.Document.Json["spec"] is not JsonObject spec)
        {
            return;
        }

        if (spec["subscriptions"] is JsonObject subscriptions)
        {
            ConvertSubscriptions(edit, spec, subscriptions, origins);
        }

        if (spec["promotionMechanisms"] is JsonObject mechanisms)
        {
            if (spec.ContainsKey("promotionTemplate"))
            {
                edit.Fail("spec.promotionMechanisms", "both \"promotionMechanisms\" (the old form) and \"promotionTemplate\" are set; remove \"promotionMechanisms\"");
                return;
            }

            var steps = new LegacyStepsBuilder(edit).Build(mechanisms);
            var template = new JsonObject { ["spec"] = new JsonObject { ["steps"] = steps } };
            LegacyEdit.Replace(spec, "promotionMechanisms", "promotionTemplate", template);
            edit.Document.Map.Remap("spec.promotionTemplate", "spec.promotionMechanisms");
        }
        else if (spec.ContainsKey("promotionMechanisms") && spec["promotionMechanisms"] is null)
        {
            spec.Remove("promotionMechanisms");
        }
    }

    private static void ConvertSubscriptions(LegacyEdit edit, JsonObject spec, JsonObject subscriptions, StageOriginResolver origins)
    {
        const string oldPath = "spec.subscriptions";
        if (spec.ContainsKey("requestedFreight"))
        {
            edit.Fail(oldPath, "both \"subscriptions\" (the old form) and \"requestedFreight\" are set; remove \"subscriptions\"");
            return;
        }

        var warehouse = LegacyEdit.Text(subscriptions["warehouse"]);
        var upstream = subscriptions["upstreamStages"] as JsonArray;
        if (warehouse is not null && upstream is { Count: > 0 })
        {
            edit.Fail(oldPath, "set either \"warehouse\" or \"upstreamStages\", not both");
            return;
        }

        var requested = new JsonArray();
        if (warehouse is not null)
        {
            requested.Add(Request(warehouse, new JsonObject { ["direct"] = true }));
            edit.Document.Map.Remap("spec.requestedFreight[0]", "spec.subscriptions.warehouse");
            edit.Warn("spec.subscriptions.warehouse",
                $"\"subscriptions.warehouse\" is the old form of \"requestedFreight\"; converted to origin Warehouse \"{warehouse}\" with direct: true");
        }
        else if (upstream is { Count: > 0 })
        {
            if (!ConvertUpstream(edit, upstream, origins, requested))
            {
                return;
            }
        }
        else
        {
            edit.Fail(oldPath, "\"subscriptions\" must set \"warehouse\" or \"upstreamStages\"");
            return;
        }

        LegacyEdit.Replace(spec, "subscriptions", "requestedFreight", requested);
        edit.Document.Map.Remap("spec.requestedFreight", oldPath);
    }

    private static bool ConvertUpstream(LegacyEdit edit, JsonArray upstream, StageOriginResolver origins, JsonArray requested)
    {
        // Group upstream Stages by the Warehouse their Freight comes from: one request per origin.
        var byOrigin = new SortedDictionary<string, List<(string Stage, int Index)>>(StringComparer.Ordinal);
        var ok = true;
        var ns = edit.Document.Namespace ?? "";
        for (var i = 0; i < upstream.Count; i++)
        {
            var itemPath = FieldPath.Index("spec.subscriptions.upstreamStages", i);
            var name = LegacyEdit.Text((upstream[i] as JsonObject)?["name"]);
            if (string.IsNullOrEmpty(name))
            {
                edit.Fail(FieldPath.Child(itemPath, "name"), "missing required field \"name\"");
                ok = false;
                continue;
            }

            var warehouses = origins.Resolve(ns, name, out var missing);
            if (warehouses is null || warehouses.Count == 0)
            {
                edit.Fail(FieldPath.Child(itemPath, "name"), warehouses is null
                    ? $"cannot find the Warehouse for upstream Stage \"{name}\": Stage \"{missing}\" is neither in this apply nor stored in project \"{ns}\""
                    : $"cannot find the Warehouse for upstream Stage \"{name}\": its chain subscribes to no Warehouse");
                ok = false;
                continue;
            }

            foreach (var warehouse in warehouses)
            {
                if (!byOrigin.TryGetValue(warehouse, out var list))
                {
                    byOrigin[warehouse] = list = [];
                }

                list.Add((name, i));
            }
        }

        if (!ok)
        {
            return false;
        }

        foreach (var (warehouse, stages) in byOrigin)
        {
            var index = requested.Count;
            var names = new JsonArray([.. stages.Select(s => (JsonNode?)JsonValue.Create(s.Stage))]);
            requested.Add(Request(warehouse, new JsonObject { ["stages"] = names }));
            var newPath = FieldPath.Index("spec.requestedFreight", index);
            edit.Document.Map.Remap(newPath, FieldPath.Index("spec.subscriptions.upstreamStages", stages[0].Index));
            for (var j = 0; j < stages.Count; j++)
            {
                edit.Document.Map.Remap($"{newPath}.sources.stages[{j}]", FieldPath.Index("spec.subscriptions.upstreamStages", stages[j].Index));
            }

            edit.Warn("spec.subscriptions.upstreamStages",
                $"\"subscriptions.upstreamStages\" is the old form of \"requestedFreight\"; converted to origin Warehouse \"{warehouse}\" from Stage(s) {string.Join(", ", stages.Select(s => s.Stage))}");
        }

        return true;
    }

    private static JsonObject Request(string warehouse, JsonObject sources) => new()
    {
        ["origin"] = new JsonObject { ["kind"] = "Warehouse", ["name"] = warehouse },
        ["sources"] = sources,
    };
}
