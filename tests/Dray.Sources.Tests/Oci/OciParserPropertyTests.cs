using Dray.Core.Versioning;
using CsCheck;
using Dray.Sources.Oci;
using Semver;

namespace Dray.Sources.Tests.Oci;

public sealed class OciParserPropertyTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["0123456789.xX*^~<>=!|, -vabc+:/@"], 0, 24];

    private static readonly Gen<SemVersion> Release =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20], Gen.Int[0, 20], (a, b, c) => SemVersion.Parse($"{a}.{b}.{c}", SemVersionStyles.Strict));

    [Fact]
    public void Constraint_parsing_never_throws_unexpectedly()
    {
        Text.Sample(text =>
        {
            if (MastermindsConstraint.TryParse(text, out var constraint, out _))
            {
                constraint.IsSatisfiedBy(SemVersion.Parse("1.2.3", SemVersionStyles.Strict));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void At_least_and_below_split_every_release()
    {
        Gen.Select(Release, Release).Sample((bound, version) =>
            MastermindsConstraint.Parse($">={bound}").IsSatisfiedBy(version) != MastermindsConstraint.Parse($"<{bound}").IsSatisfiedBy(version));
    }

    [Fact]
    public void Caret_is_the_same_as_its_expanded_range()
    {
        Gen.Select(Release, Release).Sample((bound, version) =>
        {
            var upper = bound.Major > 0 ? $"{bound.Major + 1}.0.0"
                : bound.Minor > 0 ? $"0.{bound.Minor + 1}.0"
                : $"0.0.{bound.Patch + 1}";
            return MastermindsConstraint.Parse($"^{bound}").IsSatisfiedBy(version)
                == MastermindsConstraint.Parse($">={bound}, <{upper}").IsSatisfiedBy(version);
        });
    }

    [Fact]
    public void Image_reference_parsing_never_throws_and_round_trips()
    {
        Text.Sample(text =>
        {
            if (ImageReference.TryParse(text, false, out var reference, out _))
            {
                ImageReference.Parse(reference.ToString()).ShouldBe(reference);
            }

        }, iter: 20_000);
    }
}
