using Dray.Core.Versioning;
using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class TagOrderingTests
{
    private static readonly string[] Tags =
        ["1.0", "1.0.0", "v1.2.0", "1.10.0", "1.9.3", "2.0.0-rc.1", "latest", "v1", "1.9.3+build.1", "01.2.3", "main-abc123", "2.0.0"];

    [Fact]
    public void SemVer_strict_keeps_full_versions_sorted_descending()
    {
        TagOrdering.SemVer(Tags, null, strictSemvers: true)
            .ShouldBe(["2.0.0", "2.0.0-rc.1", "1.10.0", "1.9.3+build.1", "1.9.3", "v1.2.0", "1.0.0"]);
    }

    [Fact]
    public void SemVer_loose_accepts_partial_versions_and_breaks_ties_by_tag_text()
    {
        TagOrdering.SemVer(Tags, null, strictSemvers: false)
            .ShouldBe(["2.0.0", "2.0.0-rc.1", "1.10.0", "1.9.3+build.1", "1.9.3", "01.2.3", "v1.2.0", "v1", "1.0.0", "1.0"]);
    }

    [Theory]
    [InlineData("^1.0.0", new[] { "1.10.0", "1.9.3+build.1", "1.9.3", "v1.2.0", "1.0.0" })]
    [InlineData("~1.9", new[] { "1.9.3+build.1", "1.9.3" })]
    [InlineData(">=2.0.0-0", new[] { "2.0.0", "2.0.0-rc.1" })]
    [InlineData("<1.0.0", new string[0])]
    public void SemVer_applies_the_constraint(string constraint, string[] expected)
    {
        TagOrdering.SemVer(Tags, MastermindsConstraint.Parse(constraint), strictSemvers: true).ShouldBe(expected);
    }

    [Fact]
    public void Lexical_sorts_by_ordinal_text_descending()
    {
        TagOrdering.Lexical(["nightly-20240101", "nightly-20231231", "Nightly-20250101", "nightly-2024"])
            .ShouldBe(["nightly-20240101", "nightly-2024", "nightly-20231231", "Nightly-20250101"]);
    }

    [Fact]
    public void NewestBuild_puts_newest_first_unknown_times_last_and_ties_by_tag()
    {
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (string Tag, DateTimeOffset? At)[] items =
            [("a", t), ("b", t.AddHours(1)), ("c", null), ("d", t.AddHours(1)), ("e", t.AddMinutes(-1))];

        TagOrdering.NewestBuild(items, i => i.Tag, i => i.At).Select(i => i.Tag).ShouldBe(["d", "b", "a", "e", "c"]);
    }

    [Fact]
    public void SemVer_over_ten_thousand_tags_needs_no_registry()
    {
        // How fast this is lives in bench/Dray.Bench (tag-ordering), not in a timed test.
        var tags = Enumerable.Range(0, 10_000).Select(i => $"{i / 1000}.{i / 10 % 100}.{i % 10}").ToList();

        var ordered = TagOrdering.SemVer(tags, MastermindsConstraint.Parse("^9.0.0"), strictSemvers: true);

        ordered.Count.ShouldBe(1000);
        ordered[0].ShouldBe("9.99.9");
        ordered[^1].ShouldBe("9.0.0");
    }
}
