namespace Dray.Steps.ArgoCd;

/// <summary>An Application the step touched, with the revisions it must run (one per source; empty = any).</summary>
public sealed record ArgoCdUpdatedApp(string Name, string Namespace, IReadOnlyList<string> DesiredRevisions);
