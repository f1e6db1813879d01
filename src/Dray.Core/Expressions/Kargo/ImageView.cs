namespace Dray.Core.Expressions.Kargo;

/// <summary>Kargo's Image, the result of <c>imageFrom()</c>.</summary>
public sealed record ImageView(
    string RepoURL,
    string Tag,
    string? Digest = null,
    IReadOnlyDictionary<string, string>? Annotations = null) : ExpressionRecord
{
    public override string TypeName => "Image";

    protected override IEnumerable<ExpressionField> Fields() =>
    [
        new("RepoURL", "repoURL", RepoURL, OmitEmpty: true),
        new("Tag", "tag", Tag, OmitEmpty: true),
        new("Digest", "digest", Digest ?? "", OmitEmpty: true),
        new("Annotations", "annotations", ExpressionValues.FromClr(Annotations ?? new Dictionary<string, string>()), OmitEmpty: true),
    ];
}
