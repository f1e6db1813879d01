namespace Dray.Core.Resources;

/// <summary>Identifies one stored resource. <see cref="Namespace"/> is the project, or null for cluster-scoped kinds.</summary>
public sealed record ResourceKey(string Kind, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
