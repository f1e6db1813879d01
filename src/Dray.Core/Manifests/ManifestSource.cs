namespace Dray.Core.Manifests;

/// <summary>One manifest file as the user gave it.</summary>
/// <param name="FileName">The name to show in errors, or null for standard input.</param>
/// <param name="Content">The YAML or JSON text.</param>
public sealed record ManifestSource(string? FileName, string Content);
