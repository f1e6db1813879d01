using CsCheck;
using Dray.Core.Versioning;
using Dray.Sources.Oci;
using Semver;

namespace Dray.Sources.Tests.Oci;

/// <summary><see cref="TagOrdering.SemVerTop"/> against the full sort it shortcuts, on tags made to collide.</summary>
public sealed class TagSelectionPropertyTests
{
    private static readonly Gen<string> Number = Gen.OneOfConst("0", "1", "2", "3", "01", "10", "18446744073709551615", "18446744073709551616", "99999999999999999999999");

    private static readonly Gen<string> Core = Gen.Select(Number, Number, Number, Gen.Int[1, 3], (a, b, c, parts) => parts switch
    {
        1 => a,
        2 => $"{a}.{b}",
        _ => $"{a}.{b}.{c}",
    });

    private static readonly Gen<string> Tag = Gen.Frequency(
        (8, Gen.Select(
            Gen.OneOfConst("", "", "v", "V"),
            Core,
            Gen.OneOfConst("", "", "-alpha", "-alpha.1", "-rc.1", "-rc.2", "-0", "-01", "-beta-2"),
            Gen.OneOfConst("", "", "+build.1", "+b2", "+001"),
            (prefix, core, pre, build) => prefix + core + pre + build)),
        (2, Gen.OneOfConst("latest", "main-abc123", "", "v", "1.2.3-", "1..2", "sha-1a2b", " 1.2.3", "1.2.3.4", "x1.0.0")));

    private static readonly Gen<string?> Constraint =
        Gen.OneOfConst<string?>(null, null, "^1.0.0", "~1.2", ">=2.0.0-0", "<1.0.0", ">=1.0.0 <3.0.0", "1.x", "*");

    [Fact]
    public void The_top_selection_is_the_start_of_the_full_order()
    {
        Gen.Select(Tag.Array[0, 60], Constraint, Gen.Bool, Gen.Int[1, 30]).Sample((tags, constraintText, strict, count) =>
        {
            var constraint = constraintText is null ? null : MastermindsConstraint.Parse(constraintText);
            var full = TagOrdering.SemVer(tags, constraint, strict);

            TagOrdering.SemVerTop(tags, constraint, strict, count).ShouldBe(full.Take(count).ToList());
        }, iter: 5_000);
    }

    [Fact]
    public void The_quick_rejection_turns_away_only_what_the_parser_rejects()
    {
        const SemVersionStyles strictStyles = SemVersionStyles.AllowLowerV;
        const SemVersionStyles looseStyles = SemVersionStyles.AllowLowerV | SemVersionStyles.OptionalMinorPatch | SemVersionStyles.AllowLeadingZeros;
        var anyText = Gen.String[Gen.Char["0123456789.vV-+abrc x"], 0, 12];
        Gen.Select(Gen.OneOf(Tag, anyText), Gen.Bool).Sample((tag, strict) =>
        {
            var expected = SemVersion.TryParse(tag, strict ? strictStyles : looseStyles, out var reference);

            TagOrdering.TryParseSemVer(tag, strict, out var version).ShouldBe(expected, tag);
            version.ShouldBe(reference, tag);
        }, iter: 20_000);
    }

    [Fact]
    public void The_top_selection_of_many_tags_keeps_the_highest_in_order()
    {
        var tags = Enumerable.Range(0, 10_000).Select(i => $"{i / 1000}.{i / 10 % 100}.{i % 10}").Reverse().ToList();
        tags.AddRange(["latest", "9.99.9-rc.1", "v9.99.9"]);

        TagOrdering.SemVerTop(tags, null, strictSemvers: true, 4).ShouldBe(["v9.99.9", "9.99.9", "9.99.9-rc.1", "9.99.8"]);
        tags.Reverse();
        TagOrdering.SemVerTop(tags, null, strictSemvers: true, 4).ShouldBe(["v9.99.9", "9.99.9", "9.99.9-rc.1", "9.99.8"]);
    }
}
