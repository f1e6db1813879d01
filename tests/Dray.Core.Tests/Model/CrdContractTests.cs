using System.Text.Json.Nodes;
using Dray.Core.Model.Schemas;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Model;

/// <summary>Kargo's and Argo Rollouts' CRDs are the contract: every field they define must be accepted by our schemas.</summary>
public sealed class CrdContractTests
{
    /// <summary>Subtrees we keep opaque on purpose although the CRD spells them out (providers Dray does not run).</summary>
    private static readonly HashSet<string> DeliberatelyOpaque = new(StringComparer.Ordinal)
    {
        "spec.metrics[].provider.job",
        "spec.metrics[].provider.kayenta",
        "spec.metrics[].provider.datadog",
        "spec.metrics[].provider.newRelic",
        "spec.metrics[].provider.wavefront",
        "spec.metrics[].provider.cloudWatch",
        "spec.metrics[].provider.graphite",
        "spec.metrics[].provider.influxdb",
        "spec.metrics[].provider.skywalking",
    };

    /// <summary>CRD-required fields that have a CRD default, so a manifest may omit them.</summary>
    private static readonly HashSet<string> DefaultedRequired = new(StringComparer.Ordinal)
    {
        "Warehouse:spec.interval",
    };

    public static TheoryData<string, string> Crds => new()
    {
        { "kargo/crds/kargo.akuity.io_projects.yaml", "Project" },
        { "kargo/crds/kargo.akuity.io_projectconfigs.yaml", "ProjectConfig" },
        { "kargo/crds/kargo.akuity.io_warehouses.yaml", "Warehouse" },
        { "kargo/crds/kargo.akuity.io_stages.yaml", "Stage" },
        { "kargo/crds/kargo.akuity.io_freights.yaml", "Freight" },
        { "kargo/crds/kargo.akuity.io_promotions.yaml", "Promotion" },
        { "kargo/crds/kargo.akuity.io_promotiontasks.yaml", "PromotionTask" },
        { "kargo/crds/kargo.akuity.io_clusterpromotiontasks.yaml", "ClusterPromotionTask" },
        { "argo-rollouts/analysis-template-crd.yaml", "AnalysisTemplate" },
    };

    [Theory]
    [MemberData(nameof(Crds))]
    public void Every_crd_property_path_exists_in_our_schema(string file, string kind)
    {
        var (crd, ours) = Load(file, kind);
        var preserved = PreservedPaths(crd);
        var missing = new List<string>();
        var checkedPaths = 0;

        foreach (var (path, _) in SchemaWalker.Walk(crd))
        {
            checkedPaths++;
            var resolution = SchemaWalker.Resolve(ours, path);
            if (resolution.Missing)
            {
                missing.Add(SchemaWalker.Format(path));
            }
            else if (resolution.OpenPrefix is { } prefix)
            {
                var open = SchemaWalker.Format(prefix);
                if (!DeliberatelyOpaque.Contains(open) && !preserved.Contains(open) && !preserved.Contains(open + SchemaWalker.Values))
                {
                    missing.Add($"{SchemaWalker.Format(path)} (our schema leaves {open} open)");
                }
            }
        }

        checkedPaths.ShouldBeGreaterThan(3);
        missing.ShouldBeEmpty($"{kind}: {missing.Count} CRD paths are not in our schema:\n  " + string.Join("\n  ", missing));
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void Crd_required_fields_are_required_in_our_schema(string file, string kind)
    {
        var (crd, ours) = Load(file, kind);
        var problems = new List<string>();

        foreach (var (path, node) in SchemaWalker.Walk(crd))
        {
            if (node["required"] is not JsonArray required || SchemaWalker.Resolve(ours, path).Node is not JsonObject mine)
            {
                continue;
            }

            var ourRequired = (mine["required"] as JsonArray)?.Select(r => (string?)r).ToHashSet() ?? [];
            foreach (var name in required.Select(r => (string)r!))
            {
                var field = SchemaWalker.Format([.. path, name]);
                if (!ourRequired.Contains(name) && !DefaultedRequired.Contains($"{kind}:{field}"))
                {
                    problems.Add(field);
                }
            }
        }

        problems.ShouldBeEmpty($"{kind}: fields required by the CRD but optional in our schema:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void Crd_enum_values_are_accepted_by_our_schema(string file, string kind)
    {
        var (crd, ours) = Load(file, kind);
        var problems = new List<string>();

        foreach (var (path, node) in SchemaWalker.Walk(crd))
        {
            if (node["enum"] is not JsonArray values || SchemaWalker.Resolve(ours, path).Node is not JsonObject mine)
            {
                continue;
            }

            var ourValues = (mine["enum"] as JsonArray)?.Select(v => v?.ToJsonString()).ToHashSet();
            if (ourValues is null)
            {
                problems.Add($"{SchemaWalker.Format(path)} has no enum");
                continue;
            }

            problems.AddRange(values.Where(v => !ourValues.Contains(v?.ToJsonString()))
                .Select(v => $"{SchemaWalker.Format(path)} lacks {v?.ToJsonString()}"));
        }

        problems.ShouldBeEmpty($"{kind}:\n  " + string.Join("\n  ", problems));
    }

    private static (JsonObject Crd, JsonNode Ours) Load(string file, string kind)
    {
        var crd = YamlJson.Load(Path.Combine(SharedFolder.Specs, file))!;
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => (string?)v!["name"] == "v1alpha1")!;
        var schema = version["schema"]!["openAPIV3Schema"]!.AsObject();
        var resourceKind = ResourceKinds.FindByKind(kind).ShouldNotBeNull();
        return (schema, KargoSchemas.For(resourceKind));
    }

    private static HashSet<string> PreservedPaths(JsonObject crd) =>
        SchemaWalker.Walk(crd)
            .Where(e => e.Node["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.GetValue<bool>())
            .Select(e => SchemaWalker.Format(e.Path))
            .ToHashSet(StringComparer.Ordinal);
}
