using Dray.Core.Versioning;
using Semver;

namespace Dray.Core.Tests.Versioning;

public sealed class MastermindsConstraintTests
{
    [Theory]
    // caret
    [InlineData("^1.26.0", "1.26.0", true)]
    [InlineData("^1.26.0", "1.29.3", true)]
    [InlineData("^1.26.0", "2.0.0", false)]
    [InlineData("^1.26.0", "1.25.9", false)]
    [InlineData("^1.2", "1.9.0", true)]
    [InlineData("^1", "1.0.0", true)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.0", "0.0.9", true)]
    [InlineData("^0.0", "0.1.0", false)]
    [InlineData("^0", "0.9.9", true)]
    [InlineData("^0", "1.0.0", false)]
    [InlineData("^1.x", "1.5.0", true)]
    // tilde
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2", "1.2.0", true)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~>1.2", "1.2.5", true)]
    [InlineData("~0.0.0", "5.0.0", true)]
    // wildcards and plain versions
    [InlineData("1.2.x", "1.2.7", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("1.x", "1.99.0", true)]
    [InlineData("1.X", "2.0.0", false)]
    [InlineData("*", "9.9.9", true)]
    [InlineData("x", "0.0.1", true)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("=1.2.3", "1.2.4", false)]
    [InlineData("v1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.3+build.5", true)]
    // comparisons
    [InlineData(">1.2.3", "1.2.4", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData(">1", "1.9.0", false)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">=1.2", "1.2.0", true)]
    [InlineData("=>1.2", "1.2.0", true)]
    [InlineData("<2", "1.99.0", true)]
    [InlineData("<2", "2.0.0", false)]
    [InlineData("<=1.2", "1.2.99", true)]
    [InlineData("=<1.2", "1.3.0", false)]
    [InlineData("<=1.2.3", "1.2.4", false)]
    [InlineData("!=1.2.3", "1.2.4", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData("!=1.x", "1.5.0", false)]
    [InlineData("!=1.x", "2.0.0", true)]
    // AND (comma or space), OR, hyphen ranges
    [InlineData(">= 1.2, < 3.0.0", "2.5.0", true)]
    [InlineData(">= 1.2, < 3.0.0", "3.0.0", false)]
    [InlineData(">=1.2 <3", "1.1.0", false)]
    [InlineData(">=1.2 <3", "2.9.9", true)]
    [InlineData("^1.0 || ^3.0", "3.4.0", true)]
    [InlineData("^1.0 || ^3.0", "2.4.0", false)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("1.2 - 1.4.5", "1.2.0", true)]
    [InlineData("1.2 - 1.4", "1.4.9", true)]
    // pre-releases: only comparisons that name one admit them (Masterminds rule)
    [InlineData("^1.0.0", "1.5.0-rc.1", false)]
    [InlineData(">=1.0.0", "2.0.0-beta", false)]
    [InlineData("*", "1.0.0-alpha", false)]
    [InlineData("^1.0.0-0", "1.5.0-rc.1", true)]
    [InlineData(">=1.0.0-alpha", "2.0.0-beta", true)]
    [InlineData("!=1.2.3", "1.2.4-beta", true)]
    [InlineData(">=1.0.0-alpha, <2.0.0", "1.0.0-beta", false)]
    public void Matches_Masterminds_semantics(string constraint, string version, bool expected)
    {
        var parsed = MastermindsConstraint.Parse(constraint);

        parsed.IsSatisfiedBy(SemVersion.Parse(version, SemVersionStyles.Strict)).ShouldBe(expected, $"{constraint} vs {version}");
    }

    [Fact]
    public void Differs_from_npm_ranges_where_Kargo_users_would_notice()
    {
        // npm admits a pre-release only within the same major.minor.patch as a comparator that names one.
        var version = SemVersion.Parse("2.0.0-beta", SemVersionStyles.Strict);
        version.SatisfiesNpm(">=1.0.0-alpha").ShouldBeFalse();
        MastermindsConstraint.Parse(">=1.0.0-alpha").IsSatisfiedBy(version).ShouldBeTrue();

        // npm has no comma AND.
        Should.Throw<FormatException>(() => SemVersionRange.ParseNpm(">=1.0.0, <2.0.0"));
        MastermindsConstraint.Parse(">=1.0.0, <2.0.0").IsSatisfiedBy(SemVersion.Parse("1.5.0", SemVersionStyles.Strict)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(">>1.2")]
    [InlineData("^1.0 ||")]
    [InlineData("1.2.3.4")]
    [InlineData("~=1.2")]
    public void Rejects_malformed_constraints(string constraint)
    {
        MastermindsConstraint.TryParse(constraint, out var parsed, out var error).ShouldBeFalse();
        parsed.ShouldBeNull();
        error.ShouldContain("invalid version constraint");
    }
}
