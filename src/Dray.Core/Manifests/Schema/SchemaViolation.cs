namespace Dray.Core.Manifests.Schema;

/// <summary>One schema violation: the field path and what is wrong.</summary>
public sealed record SchemaViolation(string Path, string Message);
