namespace Dray.Core.Expressions.Kargo;

/// <summary>A chart subscription: the repository and, for HTTP repositories, the chart name ("" for OCI).</summary>
public sealed record ChartSubscriptionData(string RepoURL, string Name);
