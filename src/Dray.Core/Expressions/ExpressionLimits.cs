namespace Dray.Core.Expressions;

/// <summary>Guard rails that keep hostile or careless expressions from hanging or exhausting the process.</summary>
public sealed record ExpressionLimits
{
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Longest accepted expression text, in characters.</summary>
    public int MaxExpressionLength { get; init; } = 64 * 1024;

    /// <summary>Deepest accepted syntax tree (nesting of parentheses, operators, calls, closures).</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>
    /// Evaluation budget: every node evaluated costs one step and every element or character a builtin produces
    /// costs one step, so ranges and nested closures cannot run unbounded.
    /// </summary>
    public long MaxSteps { get; init; } = 2_000_000;

    /// <summary>Timeout for one <c>matches</c> regular-expression match.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
}
