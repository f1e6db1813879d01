namespace Dray.Core.Manifests;

public sealed record ApplyResult(string Kind, string? Namespace, string Name, ApplyAction Action)
{
    public override string ToString() =>
        $"{Kind.ToLowerInvariant()}/{Name}{(Namespace is null ? "" : $" (project {Namespace})")} {Action.ToString().ToLowerInvariant()}";
}
