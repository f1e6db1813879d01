namespace Dray.Core.Expressions.Syntax;

internal sealed record UnaryNode(int Position, string Operator, Node Operand) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Operand];
}
