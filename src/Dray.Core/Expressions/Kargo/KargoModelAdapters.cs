using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Expressions.Kargo;

/// <summary>Turns the stored Kargo model into the data an <see cref="IKargoExpressionContext"/> serves.</summary>
public static class KargoModelAdapters
{
    public static FreightOriginView ToExpressionView(this FreightOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return new FreightOriginView(origin.Kind.ToString(), origin.Name);
    }

    public static FreightReferenceData ToExpressionData(this FreightReference freight)
    {
        ArgumentNullException.ThrowIfNull(freight);
        return new FreightReferenceData(
            freight.Name ?? "",
            freight.Origin?.ToExpressionView() ?? FreightOriginView.Warehouse(""),
            (freight.Commits ?? []).Select(c => new GitCommitView(c.RepoURL ?? "", c.Id ?? "", c.Branch, c.Tag, c.Message, c.Author, c.Committer)).ToList(),
            (freight.Images ?? []).Select(i => new ImageView(i.RepoURL ?? "", i.Tag ?? "", i.Digest, i.Annotations)).ToList(),
            (freight.Charts ?? []).Select(c => new ChartView(c.RepoURL ?? "", c.Name ?? "", c.Version ?? "")).ToList(),
            (freight.Artifacts ?? []).Select(a => new ArtifactView(a.ArtifactType ?? "", a.SubscriptionName, a.Version, Metadata(a.Metadata))).ToList());
    }

    public static WarehouseSubscriptionData ToExpressionData(this WarehouseSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var subscriptions = spec.Subscriptions;
        return new WarehouseSubscriptionData(
            subscriptions.Where(s => s.Git is not null).Select(s => s.Git!.RepoURL).ToList(),
            subscriptions.Where(s => s.Image is not null).Select(s => s.Image!.RepoURL).ToList(),
            subscriptions.Where(s => s.Chart is not null).Select(s => new ChartSubscriptionData(s.Chart!.RepoURL, s.Chart.Name ?? "")).ToList(),
            subscriptions.Where(s => s.Git is null && s.Image is null && s.Chart is null && s.Name is not null).Select(s => s.Name!).ToList());
    }

    public static StepStatusData ToExpressionData(this StepExecutionMetadata step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new StepStatusData(step.Alias ?? "", step.Status?.ToString() ?? "", step.ContinueOnError ?? false);
    }

    private static JsonObject? Metadata(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } element ? JsonNode.Parse(element.GetRawText()) as JsonObject : null;
}
