namespace Dray.Core.Expressions.Syntax;

/// <summary>A closure argument of a predicate builtin, evaluated once per element with <c>#</c> bound.</summary>
internal sealed record PredicateNode(int Position, Node Body) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Body];
}
