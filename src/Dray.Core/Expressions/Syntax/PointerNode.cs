namespace Dray.Core.Expressions.Syntax;

/// <summary><c>#</c> (the current element), <c>#index</c> or <c>#acc</c> inside a predicate.</summary>
internal sealed record PointerNode(int Position, string Name) : Node(Position)
{
    public override IEnumerable<Node> Children() => [];
}
