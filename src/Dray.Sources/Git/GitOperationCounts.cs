namespace Dray.Sources.Git;

/// <summary>How many network operations a <see cref="GitMirrorManager"/> has run, for tests and benchmarks.</summary>
public sealed record GitOperationCounts(long Clones, long Fetches, long LsRemotes);
