namespace Dray.Core.Model.Common;

/// <summary>A reference to an object by name in the same namespace (e.g. a Secret).</summary>
public sealed record LocalObjectReference
{
    public string? Name { get; init; }
}
