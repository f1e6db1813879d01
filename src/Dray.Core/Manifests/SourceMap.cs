namespace Dray.Core.Manifests;

/// <summary>
/// Maps field paths of one document to their position in the file. Converted fields are remapped to the legacy
/// field they came from, so errors in them point at the line the user wrote.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _remaps = new(StringComparer.Ordinal);

    public void Add(string path, int line, int column) => _positions.TryAdd(path, (line, column));

    /// <summary>Positions under <paramref name="newPath"/> are looked up under <paramref name="oldPath"/>.</summary>
    public void Remap(string newPath, string oldPath)
    {
        if (!string.Equals(newPath, oldPath, StringComparison.Ordinal))
        {
            _remaps[newPath] = oldPath;
        }
    }

    /// <summary>The position of the path, else of its nearest known ancestor; (0, 0) when nothing is known.</summary>
    public (int Line, int Column) Find(string path)
    {
        string? current = path;
        var hops = 0;
        while (current is not null)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (_remaps.TryGetValue(current, out var old) && hops++ < 64)
            {
                current = old;
                continue;
            }

            var remapped = RemapPrefix(current);
            if (remapped is not null && hops++ < 64)
            {
                current = remapped;
                continue;
            }

            current = FieldPath.Parent(current);
        }

        return (0, 0);
    }

    private string? RemapPrefix(string path)
    {
        string? best = null;
        foreach (var (from, to) in _remaps)
        {
            if (path.Length > from.Length && path.StartsWith(from, StringComparison.Ordinal)
                && (path[from.Length] is '.' or '[') && (best is null || from.Length > best.Length))
            {
                best = from;
            }
        }

        return best is null || _positions.ContainsKey(path) ? null : _remaps[best] + path[best.Length..];
    }
}
