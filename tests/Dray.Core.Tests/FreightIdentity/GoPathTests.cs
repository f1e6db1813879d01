using Dray.Core.FreightIdentity;

namespace Dray.Core.Tests.FreightIdentity;

public sealed class GoPathTests
{
    [Theory]
    [InlineData("https://charts.example.com", "my-chart", "https:/charts.example.com/my-chart")]
    [InlineData("ghcr.io/org/chart", "", "ghcr.io/org/chart")]
    [InlineData("", "", "")]
    [InlineData("", "chart", "chart")]
    [InlineData("a/b/../c", "./d", "a/c/d")]
    [InlineData("/a//b/", "c/", "/a/b/c")]
    [InlineData("../x", "../y", "../y")]
    [InlineData("/..", "x", "/x")]
    public void Join_cleans_like_go(string first, string second, string expected) =>
        GoPath.Join(first, second).ShouldBe(expected);

    [Theory]
    [InlineData("", ".")]
    [InlineData("a/..", ".")]
    [InlineData("//", "/")]
    [InlineData("a/./b/", "a/b")]
    public void Clean_matches_go(string path, string expected) => GoPath.Clean(path).ShouldBe(expected);
}
