namespace Dray.Core.Expressions;

/// <summary>
/// One field of a host record: found by its Go name (<c>RepoURL</c>) or its JSON name (<c>repoURL</c>), and
/// marshalled under the JSON name. <see cref="OmitEmpty"/> mirrors Go's <c>omitempty</c> tag.
/// </summary>
public sealed record ExpressionField(string GoName, string JsonName, object? Value, bool OmitEmpty = false);
