using Dray.Core.Text;
namespace Dray.Steps.Files;

/// <summary>
/// A .gitignore-style pattern list: later lines win, <c>!</c> re-includes, a trailing <c>/</c> matches only
/// directories, and a pattern with a <c>/</c> in it is anchored at the root; otherwise it matches any name.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly List<(System.Text.RegularExpressions.Regex Regex, bool Negate, bool DirectoryOnly)> _rules = [];

    public IgnoreRules(string? text)
    {
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negate = line.StartsWith('!');
            if (negate)
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            var anchored = line.Contains('/', StringComparison.Ordinal);
            line = line.TrimStart('/');
            _rules.Add((GlobPattern.ToRegex(anchored ? line : "**/" + line), negate, directoryOnly));
        }
    }

    /// <summary>Whether a path relative to the copy root (with <c>/</c>) is ignored.</summary>
    public bool IsIgnored(string relative, bool isDirectory)
    {
        var ignored = false;
        foreach (var (regex, negate, directoryOnly) in _rules)
        {
            if ((!directoryOnly || isDirectory) && regex.IsMatch(relative))
            {
                ignored = !negate;
            }
        }

        return ignored;
    }
}
