namespace Dray.Core.Manifests;

/// <param name="DefaultProject">The project for namespaced documents without <c>metadata.namespace</c> (CLI <c>--project</c>).</param>
/// <param name="DryRun">Validate and report what would happen, without writing.</param>
public sealed record ApplyOptions(string? DefaultProject = null, bool DryRun = false);
