namespace Dray.Core.Expressions.Syntax;

/// <summary>A call of a named function: a builtin, a predicate builtin or an environment function.</summary>
internal sealed record CallNode(int Position, string Name, IReadOnlyList<Node> Arguments) : Node(Position)
{
    public override IEnumerable<Node> Children() => Arguments;
}
