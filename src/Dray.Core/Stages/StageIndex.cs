using System.Collections.Concurrent;
using Dray.Core.Resources;

namespace Dray.Core.Stages;

/// <summary>
/// The Stage names of each project, kept from the Stage controller's own listing and change feed, so that a
/// change of Freight or ProjectConfig maps to the Stages of its project without a store read.
/// </summary>
public sealed class StageIndex
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _stages = new(StringComparer.Ordinal);

    public void Add(ResourceKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _stages.GetOrAdd(key.Namespace ?? "", _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[key.Name] = 0;
    }

    public void Remove(ResourceKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_stages.TryGetValue(key.Namespace ?? "", out var names))
        {
            names.TryRemove(key.Name, out _);
        }
    }

    public IReadOnlyList<ResourceKey> InProject(string? project) =>
        _stages.TryGetValue(project ?? "", out var names)
            ? names.Keys.Select(n => new ResourceKey(ResourceKinds.Stage.Kind, project, n)).ToList()
            : [];
}
