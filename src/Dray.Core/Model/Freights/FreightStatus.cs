using System.Text.Json;

namespace Dray.Core.Model.Freights;

public sealed record FreightStatus
{
    /// <summary>Stages currently using this Freight, keyed by Stage name.</summary>
    public IReadOnlyDictionary<string, CurrentStage>? CurrentlyIn { get; init; }

    /// <summary>Stages in which this Freight passed verification, keyed by Stage name.</summary>
    public IReadOnlyDictionary<string, VerifiedStage>? VerifiedIn { get; init; }

    /// <summary>Stages this Freight was manually approved for, keyed by Stage name.</summary>
    public IReadOnlyDictionary<string, ApprovedStage>? ApprovedFor { get; init; }

    /// <summary>Arbitrary data written by the <c>set-metadata</c> step.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
