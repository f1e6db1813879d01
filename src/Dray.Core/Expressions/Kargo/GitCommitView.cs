namespace Dray.Core.Expressions.Kargo;

/// <summary>Kargo's GitCommit, the result of <c>commitFrom()</c>.</summary>
public sealed record GitCommitView(
    string RepoURL,
    string ID,
    string? Branch = null,
    string? Tag = null,
    string? Message = null,
    string? Author = null,
    string? Committer = null) : ExpressionRecord
{
    public override string TypeName => "GitCommit";

    protected override IEnumerable<ExpressionField> Fields() =>
    [
        new("RepoURL", "repoURL", RepoURL, OmitEmpty: true),
        new("ID", "id", ID, OmitEmpty: true),
        new("Branch", "branch", Branch ?? "", OmitEmpty: true),
        new("Tag", "tag", Tag ?? "", OmitEmpty: true),
        new("Message", "message", Message ?? "", OmitEmpty: true),
        new("Author", "author", Author ?? "", OmitEmpty: true),
        new("Committer", "committer", Committer ?? "", OmitEmpty: true),
    ];
}
