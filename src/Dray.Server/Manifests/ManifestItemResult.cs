namespace Dray.Server.Manifests;

/// <param name="Action"><c>created</c>, <c>configured</c>, <c>unchanged</c>, <c>deleted</c> or <c>notfound</c>.</param>
public sealed record ManifestItemResult(string Kind, string? Namespace, string Name, string Action);
