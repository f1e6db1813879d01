namespace Dray.Core.Model.Freights;

/// <summary>A copy of a Freight's identity and artifacts, as recorded in Stage and Promotion status.</summary>
public sealed record FreightReference
{
    public string? Name { get; init; }

    public FreightOrigin? Origin { get; init; }

    public IReadOnlyList<GitCommit>? Commits { get; init; }

    public IReadOnlyList<Image>? Images { get; init; }

    public IReadOnlyList<Chart>? Charts { get; init; }

    public IReadOnlyList<ArtifactReference>? Artifacts { get; init; }
}
