namespace Dray.Core.Expressions.Syntax;

internal sealed record IdentifierNode(int Position, string Name) : Node(Position)
{
    public override IEnumerable<Node> Children() => [];
}
