using System.IO.Enumeration;
using System.Text.RegularExpressions;

namespace Dray.Sources.Git;

/// <summary>
/// <c>includePaths</c>/<c>excludePaths</c>: a plain selector is an exact file or a directory prefix, <c>glob:</c> a
/// glob over the whole path, <c>regex:</c>/<c>regexp:</c> a regular expression. A commit qualifies when it changed at
/// least one path that is included (everything is, without includes) and not excluded.
/// </summary>
public sealed class GitPathFilter
{
    private readonly IReadOnlyList<Func<string, bool>> include;
    private readonly IReadOnlyList<Func<string, bool>> exclude;

    private GitPathFilter(
        IReadOnlyList<Func<string, bool>> include,
        IReadOnlyList<Func<string, bool>> exclude,
        IReadOnlyList<string>? pathspecs)
    {
        this.include = include;
        this.exclude = exclude;
        Pathspecs = pathspecs;
    }

    public bool IsEmpty => include.Count == 0 && exclude.Count == 0;

    /// <summary>
    /// Git pathspecs equivalent to this filter when every selector is a plain path, so that git itself skips the
    /// commits that touch nothing relevant; null when a glob or regex needs checking here.
    /// </summary>
    public IReadOnlyList<string>? Pathspecs { get; }

    /// <exception cref="GitException">A regular expression does not compile.</exception>
    public static GitPathFilter Create(IReadOnlyList<string>? includePaths, IReadOnlyList<string>? excludePaths)
    {
        includePaths ??= [];
        excludePaths ??= [];
        var all = includePaths.Concat(excludePaths).ToList();
        List<string>? pathspecs = null;
        if (all.Count > 0 && all.All(IsPlain))
        {
            pathspecs = [.. includePaths.Select(p => ":(literal)" + Trim(p)), .. excludePaths.Select(p => ":(exclude,literal)" + Trim(p))];
        }

        return new GitPathFilter(
            includePaths.Select(p => Compile(p, "includePaths")).ToList(),
            excludePaths.Select(p => Compile(p, "excludePaths")).ToList(),
            pathspecs);
    }

    public bool Qualifies(IEnumerable<string> changedPaths) =>
        changedPaths.Any(p => (include.Count == 0 || include.Any(m => m(p))) && !exclude.Any(m => m(p)));

    private static bool IsPlain(string selector) =>
        !selector.StartsWith("glob:", StringComparison.Ordinal)
        && !selector.StartsWith("regex:", StringComparison.Ordinal)
        && !selector.StartsWith("regexp:", StringComparison.Ordinal);

    private static string Trim(string path) => path.Trim().TrimStart('.', '/').TrimEnd('/');

    private static Func<string, bool> Compile(string selector, string field)
    {
        if (selector.StartsWith("glob:", StringComparison.Ordinal))
        {
            var glob = selector["glob:".Length..];
            return path => FileSystemName.MatchesSimpleExpression(glob, path, ignoreCase: false);
        }

        var regexText = selector.StartsWith("regexp:", StringComparison.Ordinal) ? selector["regexp:".Length..]
            : selector.StartsWith("regex:", StringComparison.Ordinal) ? selector["regex:".Length..]
            : null;
        if (regexText is not null)
        {
            try
            {
                var regex = new Regex(regexText, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
                return regex.IsMatch;
            }
            catch (ArgumentException e)
            {
                throw new GitException(GitErrorKind.InvalidSubscription, $"{field}: '{selector}' is not a valid regular expression: {e.Message}", e);
            }
        }

        var plain = Trim(selector);
        return path => plain.Length == 0
            || string.Equals(path, plain, StringComparison.Ordinal)
            || (path.StartsWith(plain, StringComparison.Ordinal) && path.Length > plain.Length && path[plain.Length] == '/');
    }
}
