using Dray.Core.Expressions.Runtime;
using Dray.Core.Expressions.Syntax;

namespace Dray.Core.Expressions;

/// <summary>
/// A parsed expr-lang expression. Parse once, evaluate against any number of environments. Every failure, at
/// parse or evaluation time, is an <see cref="ExpressionException"/> naming the column.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Node _root;

    private CompiledExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public static CompiledExpression Parse(string text, ExpressionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CompiledExpression(text, Parser.Parse(text, limits ?? ExpressionLimits.Default));
    }

    /// <summary>Parses and evaluates in one go.</summary>
    public static object? Evaluate(string text, ExpressionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Parse(text, environment.Limits).Evaluate(environment);
    }

    public object? Evaluate(ExpressionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new Evaluator(Text, environment).Run(_root);
    }

    /// <summary>A fully parenthesised rendering of the syntax tree; parsing it again yields the same tree.</summary>
    public string ToCanonicalString() => AstPrinter.Print(_root);

    /// <summary>The syntax tree as an S-expression, for comparing trees in tests.</summary>
    internal string DumpTree() => AstPrinter.Dump(_root);
}
