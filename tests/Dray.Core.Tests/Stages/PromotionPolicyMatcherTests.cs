using Dray.Core.Model.Common;
using Dray.Core.Model.Projects;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class PromotionPolicyMatcherTests
{
    private static readonly Dictionary<string, string> ProdLabels = new() { ["tier"] = "prod", ["region"] = "eu" };

    [Theory]
    [InlineData("prod-eu", "prod-eu", true)]
    [InlineData("prod-eu", "prod", false)]
    [InlineData("prod-eu", "regex:^prod-", true)]
    [InlineData("prod-eu", "regexp:eu$", true)]
    [InlineData("prod-eu", "regex:us", false)]
    [InlineData("prod-eu", "regex:rod", true)]
    [InlineData("prod-eu", "glob:prod-*", true)]
    [InlineData("prod-eu", "glob:prod", false)]
    [InlineData("prod-eu", "glob:prod-??", true)]
    [InlineData("prod-eu", "glob:prod-[a-f]u", true)]
    [InlineData("prod-eu", "glob:prod-[!e]u", false)]
    [InlineData("prod-eu", "glob:*-us", false)]
    [InlineData("prod-eu", "regex:(", false)]
    public void Matches_names(string stage, string selector, bool expected)
    {
        var policy = new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = selector } };

        PromotionPolicyMatcher.Matches(policy, Stage(stage, From("uat"))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("tier=prod", null, true)]
    [InlineData("tier=dev", null, false)]
    [InlineData(null, "region In eu,us", true)]
    [InlineData(null, "region NotIn eu", false)]
    [InlineData(null, "owner DoesNotExist", true)]
    [InlineData(null, "owner Exists", false)]
    [InlineData("tier=prod", "region In us", false)]
    [InlineData(null, "region Bogus eu", false)]
    public void Matches_labels(string? matchLabel, string? expression, bool expected)
    {
        var selector = new PromotionPolicySelector
        {
            MatchLabels = matchLabel?.Split('=') is [var k, var v] ? new Dictionary<string, string> { [k] = v } : null,
            MatchExpressions = expression is null ? null : [Requirement(expression)],
        };

        PromotionPolicyMatcher.Matches(new PromotionPolicy { StageSelector = selector }, Stage("prod-eu", From("uat"), labels: ProdLabels))
            .ShouldBe(expected);
    }

    private static LabelSelectorRequirement Requirement(string text) => text.Split(' ') switch
    {
        [var key, var op] => new LabelSelectorRequirement { Key = key, Operator = op },
        [var key, var op, var values] => new LabelSelectorRequirement { Key = key, Operator = op, Values = values.Split(',') },
        _ => throw new ArgumentException(text),
    };

    [Theory]
    [InlineData("glob:prod-*", "prod", true)]
    [InlineData("glob:prod-*", "dev", false)]
    [InlineData("glob:qa-*", "prod", false)]
    public void Name_and_labels_are_anded(string name, string tier, bool expected)
    {
        var selector = new PromotionPolicySelector { Name = name, MatchLabels = new Dictionary<string, string> { ["tier"] = tier } };

        PromotionPolicyMatcher.Matches(new PromotionPolicy { StageSelector = selector }, Stage("prod-eu", From("uat"), labels: ProdLabels))
            .ShouldBe(expected);
    }

    [Fact]
    public void The_deprecated_stage_field_is_an_exact_name()
    {
        PromotionPolicyMatcher.Matches(new PromotionPolicy { Stage = "prod-eu" }, Stage("prod-eu", From("uat"))).ShouldBeTrue();
        PromotionPolicyMatcher.Matches(new PromotionPolicy { Stage = "prod-*" }, Stage("prod-eu", From("uat"))).ShouldBeFalse();
    }

    [Fact]
    public void Auto_promotion_is_off_unless_the_first_matching_policy_enables_it()
    {
        var stage = Stage("prod-eu", From("uat"));
        var config = new ProjectConfig
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = "p" },
            Spec = new ProjectConfigSpec
            {
                PromotionPolicies =
                [
                    new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "glob:dev*" }, AutoPromotionEnabled = true },
                    new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "glob:prod*" }, AutoPromotionEnabled = false },
                    new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "regex:.*" }, AutoPromotionEnabled = true },
                ],
            },
        };

        PromotionPolicyMatcher.AutoPromotionEnabled(config, stage).ShouldBeFalse();
        PromotionPolicyMatcher.AutoPromotionEnabled(config, Stage("dev", From("uat"))).ShouldBeTrue();
        PromotionPolicyMatcher.AutoPromotionEnabled(config, Stage("qa", From("uat"))).ShouldBeTrue();
        PromotionPolicyMatcher.AutoPromotionEnabled(null, stage).ShouldBeFalse();
    }
}
