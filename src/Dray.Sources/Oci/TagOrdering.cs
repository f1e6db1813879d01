using Dray.Core.Versioning;
using System.Diagnostics.CodeAnalysis;
using Semver;

namespace Dray.Sources.Oci;

/// <summary>The pure ordering rules of the tag-based selection strategies; best candidate first.</summary>
public static class TagOrdering
{
    private const SemVersionStyles Strict = SemVersionStyles.AllowLowerV;
    private const SemVersionStyles Loose = SemVersionStyles.AllowLowerV | SemVersionStyles.OptionalMinorPatch | SemVersionStyles.AllowLeadingZeros;

    /// <summary>
    /// Tags that parse as semantic versions (strictly: all three parts, optional leading <c>v</c>) and satisfy
    /// <paramref name="constraint"/>, highest first; equal versions order by the tag text descending.
    /// </summary>
    public static IReadOnlyList<string> SemVer(IEnumerable<string> tags, MastermindsConstraint? constraint, bool strictSemvers)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var parsed = new List<(string Tag, SemVersion Version)>();
        foreach (var tag in tags)
        {
            if (TryParseSemVer(tag, strictSemvers, out var version) && (constraint is null || constraint.IsSatisfiedBy(version)))
            {
                parsed.Add((tag, version));
            }
        }

        parsed.Sort(static (a, b) =>
        {
            var byVersion = SemVersion.ComparePrecedence(b.Version, a.Version);
            return byVersion != 0 ? byVersion : string.CompareOrdinal(b.Tag, a.Tag);
        });
        return parsed.ConvertAll(p => p.Tag);
    }

    public static bool TryParseSemVer(string tag, bool strictSemvers, [NotNullWhen(true)] out SemVersion? version) =>
        SemVersion.TryParse(tag, strictSemvers ? Strict : Loose, out version);

    /// <summary>Tags by their text, descending (ordinal).</summary>
    public static IReadOnlyList<string> Lexical(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var sorted = tags.ToList();
        sorted.Sort(static (a, b) => string.CompareOrdinal(b, a));
        return sorted;
    }

    /// <summary>Newest build first; unknown build times last; equal times by tag descending.</summary>
    public static IReadOnlyList<T> NewestBuild<T>(IEnumerable<T> items, Func<T, string> tag, Func<T, DateTimeOffset?> builtAt)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(builtAt);
        var sorted = items.ToList();
        sorted.Sort((a, b) =>
        {
            var (ta, tb) = (builtAt(a), builtAt(b));
            var byTime = (ta, tb) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => tb.Value.CompareTo(ta.Value),
            };
            return byTime != 0 ? byTime : string.CompareOrdinal(tag(b), tag(a));
        });
        return sorted;
    }
}
