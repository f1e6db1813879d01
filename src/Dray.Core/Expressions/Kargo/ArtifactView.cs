using System.Text.Json.Nodes;

namespace Dray.Core.Expressions.Kargo;

/// <summary>A generic-subscription artifact, the result of <c>artifactFrom()</c>; Metadata is free-form JSON.</summary>
public sealed record ArtifactView(string ArtifactType, string SubscriptionName, string Version, JsonObject? Metadata = null) : ExpressionRecord
{
    public override string TypeName => "ArtifactReference";

    // Kargo's expression-friendly artifact struct has no JSON tags, so its JSON names are the Go names.
    protected override IEnumerable<ExpressionField> Fields() =>
    [
        new("ArtifactType", "ArtifactType", ArtifactType),
        new("SubscriptionName", "SubscriptionName", SubscriptionName),
        new("Version", "Version", Version),
        new("Metadata", "Metadata", ExpressionValues.FromJson(Metadata) ?? new ExpressionMap()),
    ];
}
