using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class TagFilterTests
{
    [Theory]
    [InlineData(new string[0], new string[0], "anything", true)]
    [InlineData(new[] { "^v?[0-9]" }, new string[0], "v1.2.3", true)]
    [InlineData(new[] { "^v?[0-9]" }, new string[0], "latest", false)]
    [InlineData(new[] { "^1\\.", "^2\\." }, new string[0], "2.0.0", true)]
    [InlineData(new string[0], new[] { "-rc" }, "1.0.0-rc.1", false)]
    [InlineData(new string[0], new[] { "-rc" }, "1.0.0", true)]
    [InlineData(new[] { "^1\\." }, new[] { "^1\\.0\\." }, "1.0.5", false)]
    [InlineData(new[] { "^1\\." }, new[] { "^1\\.0\\." }, "1.1.5", true)]
    [InlineData(new[] { "sig$" }, new string[0], "sha256-abc.sig", true)]
    public void Allow_must_match_and_ignore_wins(string[] allow, string[] ignore, string tag, bool expected)
    {
        TagFilter.Create(allow, ignore).Matches(tag).ShouldBe(expected);
    }

    [Fact]
    public void Invalid_regex_names_the_field()
    {
        Should.Throw<FormatException>(() => TagFilter.Create(["("], null)).Message.ShouldContain("allowTagsRegexes");
        Should.Throw<FormatException>(() => TagFilter.Create(null, ["[a-"])).Message.ShouldContain("ignoreTagsRegexes");
    }

    [Fact]
    public async Task Catastrophic_patterns_run_in_linear_time()
    {
        var filter = TagFilter.Create(["^(a+)+$"], null);

        // A backtracking engine needs about 2^5000 steps here and never returns; a linear one takes milliseconds.
        // The 30 s bound only turns such a hang into a failure, it measures nothing (bench: tag-ordering).
        var matched = await Task.Run(() => filter.Matches(new string('a', 5000) + "!")).WaitAsync(TimeSpan.FromSeconds(30));

        matched.ShouldBeFalse();
    }
}
