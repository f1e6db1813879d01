using Dray.Steps.ArgoCd;

namespace Dray.Steps.Tests.ArgoCd;

public sealed class ArgoCdAuthorizationTests
{
    [Theory]
    [InlineData("demo:test", true)]
    [InlineData("other:prod, demo:test", true)]
    [InlineData("demo:*", true)]
    [InlineData("*:te?t", true)]
    [InlineData("demo:prod", false)]
    [InlineData("demo:testing", false)]
    [InlineData("demo", false)]
    [InlineData("demo:", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Authorizes_listed_and_glob_matched_stages(string? annotation, bool expected) =>
        ArgoCdAuthorization.Authorizes(annotation, "demo", "test").ShouldBe(expected);
}
