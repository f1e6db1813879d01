namespace Dray.Client.Models;

/// <summary>What an apply or delete did to one document: <c>created</c>, <c>configured</c>, <c>unchanged</c>,
/// <c>deleted</c> or <c>notfound</c>.</summary>
public sealed record ResourceResult(string Kind, string? Namespace, string Name, string Action);
