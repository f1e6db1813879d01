namespace Dray.Core.Expressions.Kargo;

/// <summary>One Freight of the collection being promoted (or currently in the Stage): its origin and artifacts.</summary>
public sealed record FreightReferenceData(
    string Name,
    FreightOriginView Origin,
    IReadOnlyList<GitCommitView> Commits,
    IReadOnlyList<ImageView> Images,
    IReadOnlyList<ChartView> Charts,
    IReadOnlyList<ArtifactView>? Artifacts = null);
