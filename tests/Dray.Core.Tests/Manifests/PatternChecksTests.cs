using Dray.Core.Manifests.Checks;
using Dray.Core.Manifests.Schema;

namespace Dray.Core.Tests.Manifests;

public sealed class PatternChecksTests
{
    [Theory]
    [InlineData("^1.24.0")]
    [InlineData("~1.2")]
    [InlineData(">=1.0.0 <2.0.0")]
    [InlineData(">=1.0.0, <2.0.0")]
    [InlineData(">= 1.0.0")]
    [InlineData("1.x")]
    [InlineData("1.2.x || >=3.0.0")]
    [InlineData("v1.2.3")]
    [InlineData("^v1.2")]
    [InlineData("*")]
    [InlineData("1.0.0 - 2.0.0")]
    [InlineData(">=1.0.0, !=1.5.0")]
    public void Masterminds_constraints_are_accepted(string constraint) =>
        PatternChecks.CheckSemverConstraint(constraint).ShouldBeNull();

    [Theory]
    [InlineData(">>1.0")]
    [InlineData("^1.2.3.4")]
    [InlineData("latest")]
    [InlineData("1.0.0 <")]
    [InlineData("!=banana")]
    public void Invalid_constraints_are_rejected_with_the_constraint_named(string constraint) =>
        PatternChecks.CheckSemverConstraint(constraint).ShouldNotBeNull().ShouldStartWith($"invalid semver constraint \"{constraint}\"");

    [Theory]
    [InlineData("^v1\\.", true)]
    [InlineData("(a|b", false)]
    [InlineData("[z-a]", false)]
    [InlineData("a{2,1}", false)]
    public void Regexes_compile_or_are_named(string pattern, bool valid)
    {
        var problem = PatternChecks.CheckRegex(pattern);

        if (valid)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().ShouldStartWith($"invalid regular expression \"{pattern}\": ");
        }
    }

    [Theory]
    [InlineData("dev", null)]
    [InlineData("my-stage.v2", null)]
    [InlineData("Dev", "subdomain")]
    [InlineData("-dev", "subdomain")]
    [InlineData("dev_1", "subdomain")]
    public void Names_follow_dns1123_subdomain(string name, string? rule) =>
        (NameRules.CheckSubdomain(name)?.Contains(rule ?? "?", StringComparison.Ordinal) ?? rule is null).ShouldBeTrue();

    [Fact]
    public void Labels_reject_dots_and_long_names()
    {
        NameRules.CheckLabel("a.b").ShouldNotBeNull().ShouldContain("DNS-1123 label");
        NameRules.CheckLabel(new string('a', 64)).ShouldNotBeNull().ShouldContain("at most 63");
        NameRules.CheckLabel("kargo-demo").ShouldBeNull();
    }

    [Theory]
    [InlineData("constraint", "constraint", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("semverConstrant", "semverConstraint", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Damerau_Levenshtein_counts_transpositions_as_one_edit(string a, string b, int distance) =>
        EditDistance.Compute(a, b).ShouldBe(distance);

    [Fact]
    public void Suggestions_prefer_todays_name_for_a_typo_of_a_former_one()
    {
        var aliases = new Dictionary<string, string> { ["semverConstraint"] = "constraint" };

        EditDistance.Suggest("semverConstrant", ["repoURL", "constraint"], aliases).ShouldBe("constraint");
        EditDistance.Suggest("repoUrl", ["repoURL", "constraint"], aliases).ShouldBe("repoURL");
        EditDistance.Suggest("somethingElse", ["repoURL", "constraint"], aliases).ShouldBeNull();
    }

    [Fact]
    public void Environment_placeholders_are_not_confused_with_expressions()
    {
        EnvVarCheck.ContainsPlaceholder("${GITOPS_REPO_URL}").ShouldBeTrue();
        EnvVarCheck.ContainsPlaceholder("https://${HOST}/repo").ShouldBeTrue();
        EnvVarCheck.ContainsPlaceholder("${{ vars.repo }}").ShouldBeFalse();
        EnvVarCheck.ContainsPlaceholder("${{ imageFrom(\"nginx\").Tag }}").ShouldBeFalse();
        EnvVarCheck.ContainsPlaceholder("$HOME").ShouldBeFalse();
    }
}
