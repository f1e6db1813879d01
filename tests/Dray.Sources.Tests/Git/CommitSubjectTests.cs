using Dray.Sources.Git;

namespace Dray.Sources.Tests.Git;

public sealed class CommitSubjectTests
{
    [Theory]
    [InlineData(80, 80)]
    [InlineData(81, 80)]
    [InlineData(3, 3)]
    public void Subjects_longer_than_80_become_77_characters_and_an_ellipsis(int length, int expected)
    {
        var subject = new string('s', length);

        var truncated = CommitSubject.Truncate(subject);

        truncated.Length.ShouldBe(expected);
        truncated.EndsWith("...", StringComparison.Ordinal).ShouldBe(length > 80);
    }
}
