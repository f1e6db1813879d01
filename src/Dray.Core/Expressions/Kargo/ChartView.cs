namespace Dray.Core.Expressions.Kargo;

/// <summary>Kargo's Chart, the result of <c>chartFrom()</c>.</summary>
public sealed record ChartView(string RepoURL, string Name, string Version) : ExpressionRecord
{
    public override string TypeName => "Chart";

    protected override IEnumerable<ExpressionField> Fields() =>
    [
        new("RepoURL", "repoURL", RepoURL, OmitEmpty: true),
        new("Name", "name", Name, OmitEmpty: true),
        new("Version", "version", Version, OmitEmpty: true),
    ];
}
