using Dray.Core.Expressions;

namespace Dray.Sources.Git;

/// <summary>
/// A git subscription's <c>expressionFilter</c>, parsed once per discovery and evaluated per commit
/// (NewestFromBranch) or per tag (the tag strategies) with Kargo's variables. Every failure is a terminal
/// <see cref="GitErrorKind.InvalidSubscription"/> error.
/// </summary>
internal sealed class GitExpressionFilter
{
    public const string Field = "expressionFilter";

    private readonly CompiledExpression expression;
    private readonly ExpressionEnvironment environment;

    private GitExpressionFilter(CompiledExpression expression, ExpressionEnvironment environment)
    {
        this.expression = expression;
        this.environment = environment;
    }

    /// <returns>Null when <paramref name="text"/> is empty.</returns>
    /// <exception cref="GitException">The text does not parse.</exception>
    public static GitExpressionFilter? Create(string? text, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var environment = ExpressionEnvironment.Empty.WithTimeProvider(time);
        try
        {
            return new GitExpressionFilter(CompiledExpression.Parse(text, environment.Limits), environment);
        }
        catch (ExpressionException e)
        {
            throw new GitException(GitErrorKind.InvalidSubscription, $"{Field} is not a valid expression: {e.Message}", e);
        }
    }

    /// <summary>The variables Kargo gives a NewestFromBranch filter.</summary>
    public static ExpressionEnvironment Bind(ExpressionEnvironment environment, GitLogEntry commit) => environment
        .WithVariable("id", commit.Id)
        .WithVariable("commitDate", commit.CommitDate)
        .WithVariable("author", commit.Author)
        .WithVariable("committer", commit.Committer)
        .WithVariable("subject", commit.Subject);

    /// <summary>The variables Kargo gives a tag strategy's filter; tagger and annotation are "" for lightweight tags.</summary>
    public static ExpressionEnvironment Bind(ExpressionEnvironment environment, GitTag tag) => environment
        .WithVariable("tag", tag.Name)
        .WithVariable("id", tag.CommitId)
        .WithVariable("creatorDate", tag.CreatorDate)
        .WithVariable("author", tag.Author)
        .WithVariable("committer", tag.Committer)
        .WithVariable("subject", tag.Subject)
        .WithVariable("tagger", tag.Tagger)
        .WithVariable("annotation", tag.Annotation);

    /// <exception cref="GitException">The expression fails on this commit or does not give a boolean.</exception>
    public bool Matches(GitLogEntry commit) => Run(Bind(environment, commit), $"commit {commit.Id}");

    /// <exception cref="GitException">The expression fails on this tag or does not give a boolean.</exception>
    public bool Matches(GitTag tag) => Run(Bind(environment, tag), $"tag {tag.Name}");

    /// <summary>
    /// Kargo keeps a boolean result and otherwise parses the printed value with Go's strconv.ParseBool, so
    /// <c>1</c>, <c>"true"</c> or <c>"T"</c> select and <c>0</c> or <c>"false"</c> reject; anything else is an error.
    /// </summary>
    internal static bool? ToBoolean(object? result) => result switch
    {
        bool b => b,
        long l when l is 0 or 1 => l == 1,
        double d when d is 0 or 1 => d == 1,
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => null,
    };

    private bool Run(ExpressionEnvironment bound, string subject)
    {
        object? result;
        try
        {
            result = expression.Evaluate(bound);
        }
        catch (ExpressionException e)
        {
            throw new GitException(GitErrorKind.InvalidSubscription, $"{Field} failed on {subject}: {e.Message}", e);
        }

        return ToBoolean(result) ?? throw new GitException(
            GitErrorKind.InvalidSubscription,
            $"{Field} must give a boolean, but gave {Describe(result)} on {subject}");
    }

    private static string Describe(object? result) => result switch
    {
        null => "nil",
        string s => $"string \"{s}\"",
        long or double => $"{ExpressionValues.TypeName(result)} {Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture)}",
        _ => ExpressionValues.TypeName(result),
    };
}
