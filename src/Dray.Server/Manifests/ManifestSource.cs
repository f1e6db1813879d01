namespace Dray.Server.Manifests;

/// <summary>One manifest stream: a multipart file part (named) or a whole request body (unnamed).</summary>
public sealed record ManifestSource(string? FileName, string Content);
