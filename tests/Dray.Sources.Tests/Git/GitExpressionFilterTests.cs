using System.Globalization;
using Dray.Core.Expressions;
using Dray.Sources.Git;

namespace Dray.Sources.Tests.Git;

/// <summary>The variables an <c>expressionFilter</c> sees and how its result becomes a decision (no git involved).</summary>
public sealed class GitExpressionFilterTests
{
    private static readonly DateTimeOffset When = DateTimeOffset.Parse("2024-06-01T10:00:00+02:00", CultureInfo.InvariantCulture);

    private static readonly GitLogEntry Commit = new("c0ffee", "fix: the bug", "Ann <ann@example.com>", "Bob <bob@example.com>", When, []);

    private static readonly GitTag Annotated =
        new("v1.2.0", "c0ffee", When, "fix: the bug", "Ann <ann@example.com>", "Bob <bob@example.com>", "Rel <rel@example.com>", "release 1.2");

    private static readonly GitTag Lightweight = Annotated with { Name = "nightly", Tagger = "", Annotation = "" };

    [Fact]
    public void A_commit_binds_id_commitDate_author_committer_and_subject()
    {
        var env = GitExpressionFilter.Bind(ExpressionEnvironment.Empty, Commit);

        env.Variables.Keys.Order(StringComparer.Ordinal).ShouldBe(["author", "commitDate", "committer", "id", "subject"]);
        Eval("[id, author, committer, subject]", env).ShouldBe(new object?[] { "c0ffee", "Ann <ann@example.com>", "Bob <bob@example.com>", "fix: the bug" });
        Eval("toJSON(commitDate)", env).ShouldBe("\"2024-06-01T08:00:00Z\"");
        Eval("commitDate.After(date(\"2024-06-01T07:59:59Z\")) && commitDate.Before(date(\"2024-06-01T08:00:01Z\"))", env).ShouldBe(true);
        Eval("tag", env).ShouldBeNull();
    }

    [Fact]
    public void A_tag_binds_its_commit_and_for_annotated_tags_the_tagger_and_annotation()
    {
        var env = GitExpressionFilter.Bind(ExpressionEnvironment.Empty, Annotated);

        env.Variables.Keys.Order(StringComparer.Ordinal)
            .ShouldBe(["annotation", "author", "committer", "creatorDate", "id", "subject", "tag", "tagger"]);
        Eval("[tag, id, author, committer, subject, tagger, annotation]", env).ShouldBe(new object?[]
        {
            "v1.2.0", "c0ffee", "Ann <ann@example.com>", "Bob <bob@example.com>", "fix: the bug", "Rel <rel@example.com>", "release 1.2",
        });
        Eval("creatorDate == date(\"2024-06-01 08:00:00\")", env).ShouldBe(true);

        var light = GitExpressionFilter.Bind(ExpressionEnvironment.Empty, Lightweight);
        Eval("[tagger, annotation]", light).ShouldBe(new object?[] { "", "" });
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(1L, true)]
    [InlineData(0L, false)]
    [InlineData(1.0, true)]
    [InlineData(0.0, false)]
    [InlineData("true", true)]
    [InlineData("T", true)]
    [InlineData("1", true)]
    [InlineData("FALSE", false)]
    [InlineData("f", false)]
    [InlineData("0", false)]
    public void Non_boolean_results_are_read_as_go_parse_bool_reads_their_text(object result, bool expected) =>
        GitExpressionFilter.ToBoolean(result).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData(2L)]
    [InlineData(0.5)]
    [InlineData("yes")]
    [InlineData("")]
    public void Other_results_are_not_booleans(object? result) =>
        GitExpressionFilter.ToBoolean(result).ShouldBeNull();

    [Fact]
    public void Filters_compile_once_and_fail_with_the_field_name_and_what_failed()
    {
        GitExpressionFilter.Create("  ", TimeProvider.System).ShouldBeNull();
        var filter = GitExpressionFilter.Create("subject startsWith \"fix\"", TimeProvider.System)!;
        filter.Matches(Commit).ShouldBeTrue();
        filter.Matches(Commit with { Subject = "feat: x" }).ShouldBeFalse();

        var syntax = Should.Throw<GitException>(() => GitExpressionFilter.Create("subject ==", TimeProvider.System));
        syntax.Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        syntax.Message.ShouldStartWith("expressionFilter is not a valid expression: ");
        syntax.Message.ShouldContain("at column 11 in \"subject ==\"");

        var evaluation = Should.Throw<GitException>(() => GitExpressionFilter.Create("tag.After(1)", TimeProvider.System)!.Matches(Annotated));
        evaluation.Kind.ShouldBe(GitErrorKind.InvalidSubscription);
        evaluation.Message.ShouldStartWith("expressionFilter failed on tag v1.2.0: ");

        var notBoolean = Should.Throw<GitException>(() => GitExpressionFilter.Create("subject", TimeProvider.System)!.Matches(Commit));
        notBoolean.Message.ShouldBe("expressionFilter must give a boolean, but gave string \"fix: the bug\" on commit c0ffee");
    }

    private static object? Eval(string expression, ExpressionEnvironment env) => CompiledExpression.Evaluate(expression, env);
}
