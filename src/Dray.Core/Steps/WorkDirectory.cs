namespace Dray.Core.Steps;

/// <summary>
/// The promotion's work directory. Every path a step touches goes through <see cref="Resolve"/>, which refuses
/// anything that lands outside the root, lexically (<c>..</c>, absolute paths) or through symbolic links.
/// </summary>
public sealed class WorkDirectory
{
    private const int MaxLinkDepth = 40;

    public WorkDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = RealPath(Path.GetFullPath(root), 0) ?? Path.GetFullPath(root);
    }

    /// <summary>The absolute, link-free path of the directory.</summary>
    public string Root { get; }

    /// <summary>The absolute path of <paramref name="path"/>, which must stay inside <see cref="Root"/>.</summary>
    /// <exception cref="StepException">Terminal, when the path escapes.</exception>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Join(Root, path));
        if (!IsInside(full))
        {
            throw Escape(path);
        }

        var real = RealPath(full, 0);
        if (real is null || !IsInside(real))
        {
            throw Escape(path);
        }

        return full;
    }

    /// <summary>The path of <paramref name="fullPath"/> relative to the root, with forward slashes.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private bool IsInside(string full) =>
        string.Equals(full.TrimEnd(Path.DirectorySeparatorChar), Root, StringComparison.Ordinal)
        || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static StepException Escape(string path) =>
        new($"path \"{path}\" resolves outside the work directory", terminal: true);

    /// <summary>Follows every link on the way, like realpath(3); parts that do not exist yet are kept as written.</summary>
    private static string? RealPath(string full, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            return null;
        }

        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var resolved = RealPath(Path.GetFullPath(target, current), depth + 1);
                if (resolved is null)
                {
                    return null;
                }

                current = resolved;
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
