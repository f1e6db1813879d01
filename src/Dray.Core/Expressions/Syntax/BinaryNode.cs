namespace Dray.Core.Expressions.Syntax;

/// <summary>A binary operator. <c>not in</c> and friends are a <see cref="UnaryNode"/> "not" around this.</summary>
internal sealed record BinaryNode(int Position, string Operator, Node Left, Node Right) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Left, Right];
}
