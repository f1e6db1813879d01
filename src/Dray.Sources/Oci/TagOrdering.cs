using Dray.Core.Versioning;
using System.Diagnostics.CodeAnalysis;
using Semver;

namespace Dray.Sources.Oci;

/// <summary>The pure ordering rules of the tag-based selection strategies; best candidate first.</summary>
public static class TagOrdering
{
    private const SemVersionStyles Strict = SemVersionStyles.AllowLowerV;
    private const SemVersionStyles Loose = SemVersionStyles.AllowLowerV | SemVersionStyles.OptionalMinorPatch | SemVersionStyles.AllowLeadingZeros;

    private static readonly Comparison<(string Tag, SemVersion Version)> BestFirst = static (a, b) =>
    {
        var byVersion = SemVersion.ComparePrecedence(b.Version, a.Version);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(b.Tag, a.Tag);
    };

    // The heap's root is the worst candidate kept so far.
    private static readonly IComparer<(string Tag, SemVersion Version)> WorstFirst =
        Comparer<(string Tag, SemVersion Version)>.Create(static (a, b) => BestFirst(b, a));

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
            if (Qualifies(tag, constraint, strictSemvers, out var version))
            {
                parsed.Add((tag, version));
            }
        }

        parsed.Sort(BestFirst);
        return parsed.ConvertAll(p => p.Tag);
    }

    /// <summary>
    /// The first <paramref name="count"/> tags of <see cref="SemVer"/>'s order, without sorting the rest: a bounded
    /// heap of the best so far, so a discovery that keeps 20 of 10,000 tags does not order all 10,000. Once the heap
    /// is full, a tag whose leading <c>major.minor.patch</c> numbers are below the worst kept version's cannot be
    /// kept, whatever follows them, so it is turned away without the parser.
    /// </summary>
    public static IReadOnlyList<string> SemVerTop(IEnumerable<string> tags, MastermindsConstraint? constraint, bool strictSemvers, int count)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var kept = new PriorityQueue<(string Tag, SemVersion Version), (string Tag, SemVersion Version)>(count + 1, WorstFirst);
        VersionCore? worst = null;

        // Registries list tags in ascending text order, which puts the high versions last: walking backwards
        // fills the heap with them early, so the numeric shortcut turns away nearly everything else.
        var list = tags as IReadOnlyList<string> ?? tags.ToList();
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var tag = list[i];
            if (worst is { } threshold && VersionCore.Of(tag).CompareTo(threshold) < 0)
            {
                continue;
            }

            if (!TryParseSemVer(tag, strictSemvers, out var version))
            {
                continue;
            }

            var candidate = (tag, version);
            if (kept.Count == count && BestFirst(candidate, kept.Peek()) >= 0)
            {
                continue;
            }

            if (constraint is not null && !constraint.IsSatisfiedBy(version))
            {
                continue;
            }

            if (kept.Count == count)
            {
                kept.EnqueueDequeue(candidate, candidate);
            }
            else
            {
                kept.Enqueue(candidate, candidate);
            }

            if (kept.Count == count)
            {
                // A number too large to hold exactly gives no safe threshold.
                var core = VersionCore.Of(kept.Peek().Tag);
                worst = core.IsExact ? core : null;
            }
        }

        var best = new string[kept.Count];
        for (var i = best.Length - 1; i >= 0; i--)
        {
            best[i] = kept.Dequeue().Tag;
        }

        return best;
    }

    /// <summary>Whether <see cref="SemVer"/> keeps <paramref name="tag"/>: it parses and satisfies <paramref name="constraint"/>.</summary>
    public static bool Qualifies(string tag, MastermindsConstraint? constraint, bool strictSemvers, [NotNullWhen(true)] out SemVersion? version) =>
        TryParseSemVer(tag, strictSemvers, out version) && (constraint is null || constraint.IsSatisfiedBy(version));

    public static bool TryParseSemVer(string tag, bool strictSemvers, [NotNullWhen(true)] out SemVersion? version)
    {
        // Every accepted form starts with a digit, after an optional lower-case `v`; most non-version tags
        // (latest, main-abc123, sha-...) are turned away here without the parser's allocations.
        var digitAt = tag.Length > 0 && tag[0] == 'v' ? 1 : 0;
        if (tag.Length <= digitAt || !char.IsDigit(tag[digitAt]))
        {
            version = null;
            return false;
        }

        return SemVersion.TryParse(tag, strictSemvers ? Strict : Loose, out version);
    }

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

    /// <summary>
    /// The numbers a tag starts with (after an optional lower-case <c>v</c>), missing parts as 0 and numbers too large
    /// for 64 bits as the maximum. For any tag the parser accepts, they are its major, minor and patch; so a tag below an
    /// exact threshold is below it as a version too (a saturated number only ever compares higher).
    /// </summary>
    private readonly record struct VersionCore(ulong Major, ulong Minor, ulong Patch) : IComparable<VersionCore>
    {
        public static VersionCore Of(string tag)
        {
            var at = tag.Length > 0 && tag[0] == 'v' ? 1 : 0;
            var major = Number(tag, ref at);
            var minor = Part(tag, ref at);
            var patch = Part(tag, ref at);
            return new VersionCore(major, minor, patch);
        }

        public bool IsExact => Major != ulong.MaxValue && Minor != ulong.MaxValue && Patch != ulong.MaxValue;

        public int CompareTo(VersionCore other)
        {
            var byMajor = Major.CompareTo(other.Major);
            if (byMajor != 0)
            {
                return byMajor;
            }

            var byMinor = Minor.CompareTo(other.Minor);
            return byMinor != 0 ? byMinor : Patch.CompareTo(other.Patch);
        }

        private static ulong Part(string tag, ref int at)
        {
            if (at >= tag.Length || tag[at] != '.')
            {
                return 0;
            }

            at++;
            return Number(tag, ref at);
        }

        private static ulong Number(string tag, ref int at)
        {
            ulong value = 0;
            for (; at < tag.Length && char.IsAsciiDigit(tag[at]); at++)
            {
                var digit = (ulong)(tag[at] - '0');
                value = value > (ulong.MaxValue - digit) / 10 ? ulong.MaxValue : (value * 10) + digit;
            }

            return value;
        }
    }
}
