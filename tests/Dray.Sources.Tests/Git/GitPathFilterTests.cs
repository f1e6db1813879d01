using Dray.Sources.Git;

namespace Dray.Sources.Tests.Git;

public sealed class GitPathFilterTests
{
    [Theory]
    [InlineData("apps/web", "apps/web/deploy.yaml", true)]
    [InlineData("apps/web", "apps/web", true)]
    [InlineData("apps/web", "apps/webhook/x.yaml", false)]
    [InlineData("./apps/web/", "apps/web/x", true)]
    [InlineData("glob:apps/*.yaml", "apps/a.yaml", true)]
    [InlineData("glob:apps/*.yaml", "apps/a.json", false)]
    [InlineData("regex:^apps/(web|api)/", "apps/api/x", true)]
    [InlineData("regexp:values\\.yaml$", "charts/x/values.yaml", true)]
    [InlineData("regexp:values\\.yaml$", "charts/x/values.yml", false)]
    public void Selectors_match_paths(string selector, string path, bool expected) =>
        GitPathFilter.Create([selector], null).Qualifies([path]).ShouldBe(expected);

    [Fact]
    public void A_commit_qualifies_through_any_included_path_that_is_not_excluded()
    {
        var filter = GitPathFilter.Create(["apps"], ["glob:*.md"]);

        filter.Qualifies(["apps/README.md"]).ShouldBeFalse();
        filter.Qualifies(["apps/README.md", "apps/deploy.yaml"]).ShouldBeTrue();
        filter.Qualifies(["docs/x.yaml"]).ShouldBeFalse();
        filter.Qualifies([]).ShouldBeFalse();
    }

    [Fact]
    public void Plain_selectors_become_literal_git_pathspecs_and_patterns_do_not()
    {
        GitPathFilter.Create(["apps/web/", "top.txt"], ["apps/web/README.md"]).Pathspecs
            .ShouldBe([":(literal)apps/web", ":(literal)top.txt", ":(exclude,literal)apps/web/README.md"]);
        GitPathFilter.Create(["apps"], ["glob:*.md"]).Pathspecs.ShouldBeNull();
        GitPathFilter.Create(null, null).IsEmpty.ShouldBeTrue();
    }
}
