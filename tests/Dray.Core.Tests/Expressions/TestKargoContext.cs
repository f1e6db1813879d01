using System.Text.Json.Nodes;
using Dray.Core.Expressions.Kargo;

namespace Dray.Core.Tests.Expressions;

/// <summary>An in-memory <see cref="IKargoExpressionContext"/> holding real records, as the engine will.</summary>
internal sealed class TestKargoContext : IKargoExpressionContext
{
    public List<FreightOriginView> RequestedOrigins { get; } = [];

    public List<FreightReferenceData> Freight { get; } = [];

    public List<StepStatusData> StepStatuses { get; } = [];

    public Dictionary<string, WarehouseSubscriptionData> Warehouses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> Secrets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> ConfigMaps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> FreightMetadata { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> StageMetadata { get; } = new(StringComparer.Ordinal);

    public string CurrentStepAlias { get; set; } = "";

    IReadOnlyList<FreightOriginView> IKargoExpressionContext.RequestedOrigins => RequestedOrigins;

    IReadOnlyList<FreightReferenceData> IKargoExpressionContext.Freight => Freight;

    IReadOnlyList<StepStatusData> IKargoExpressionContext.StepStatuses => StepStatuses;

    public WarehouseSubscriptionData? FindWarehouse(string name) => Warehouses.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> GetSecret(string name) =>
        Secrets.TryGetValue(name, out var data) ? data : new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> GetConfigMap(string name) =>
        ConfigMaps.TryGetValue(name, out var data) ? data : new Dictionary<string, string>();

    public JsonObject? GetFreightMetadata(string freightName) => FreightMetadata.GetValueOrDefault(freightName);

    public JsonObject? GetStageMetadata(string stageName) => StageMetadata.GetValueOrDefault(stageName);

    /// <summary>A project like the Kargo quickstart: one Warehouse of an image and a Git repo, promoted Freight.</summary>
    public static TestKargoContext Quickstart()
    {
        var context = new TestKargoContext();
        context.Warehouses["kargo-demo"] = new WarehouseSubscriptionData(
            GitRepoUrls: ["https://github.com/example/kargo-demo.git"],
            ImageRepoUrls: ["public.ecr.aws/nginx/nginx"],
            Charts: [new ChartSubscriptionData("https://charts.example.com", "podinfo"), new ChartSubscriptionData("oci://ghcr.io/example/charts/app", "")],
            ArtifactSubscriptionNames: ["config-bundle"]);
        context.RequestedOrigins.Add(FreightOriginView.Warehouse("kargo-demo"));
        context.Freight.Add(new FreightReferenceData(
            Name: "f3a1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3",
            Origin: FreightOriginView.Warehouse("kargo-demo"),
            Commits: [new GitCommitView("https://github.com/example/kargo-demo.git", "1234abcd", Branch: "main", Message: "Bump nginx")],
            Images: [new ImageView("public.ecr.aws/nginx/nginx", "1.27.0", "sha256:abc123", new Dictionary<string, string> { ["org.opencontainers.image.source"] = "https://github.com/nginx/nginx" })],
            Charts: [new ChartView("https://charts.example.com", "podinfo", "6.7.1"), new ChartView("oci://ghcr.io/example/charts/app", "", "0.3.0")],
            Artifacts: [new ArtifactView("bundle", "config-bundle", "v7", new JsonObject { ["sha"] = "deadbeef" })]));
        return context;
    }
}
