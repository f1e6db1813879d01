using Dray.Sources.Versioning;

namespace Dray.Sources.Tests.Versioning;

public sealed class SemverConstraintTests
{
    [Theory]
    [InlineData("^1.2.0", "1.9.9", true)]
    [InlineData("^1.2.0", "2.0.0", false)]
    [InlineData("~1.2", "1.2.7", true)]
    [InlineData("~1.2", "1.3.0", false)]
    [InlineData(">=1.0.0, <2.0.0", "1.5.0", true)]
    [InlineData(">=1.0.0, <2.0.0", "2.0.0", false)]
    [InlineData("=>1.0.0 =<1.1.0", "1.1.0", true)]
    [InlineData("1.x", "1.4.0", true)]
    [InlineData("1.0.0 - 1.2.0", "1.2.0", true)]
    [InlineData("^1.0.0 || ^3.0.0", "3.1.0", true)]
    [InlineData("^1.0.0", "1.5.0-rc.1", false)]
    [InlineData("", "0.0.1-alpha", true)]
    public void Constraints_follow_masterminds_for_common_forms(string constraint, string version, bool expected) =>
        SemverConstraint.Parse(constraint).IsSatisfiedBy(SemverConstraint.ParseVersion(version, strict: true)!).ShouldBe(expected);

    [Theory]
    [InlineData("v1.2.3", true, true)]
    [InlineData("1.2", true, false)]
    [InlineData("1.2", false, true)]
    [InlineData("v2", false, true)]
    [InlineData("latest", false, false)]
    public void Versions_allow_a_leading_v_and_strictness_requires_three_parts(string text, bool strict, bool parses) =>
        (SemverConstraint.ParseVersion(text, strict) is not null).ShouldBe(parses);

    [Fact]
    public void An_unreadable_constraint_is_a_format_error() =>
        Should.Throw<FormatException>(() => SemverConstraint.Parse(">>1")).Message.ShouldContain(">>1");
}
