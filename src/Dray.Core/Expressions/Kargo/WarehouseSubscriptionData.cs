namespace Dray.Core.Expressions.Kargo;

/// <summary>What a Warehouse subscribes to, enough to decide which requested origin can provide an artifact.</summary>
public sealed record WarehouseSubscriptionData(
    IReadOnlyList<string> GitRepoUrls,
    IReadOnlyList<string> ImageRepoUrls,
    IReadOnlyList<ChartSubscriptionData> Charts,
    IReadOnlyList<string>? ArtifactSubscriptionNames = null);
