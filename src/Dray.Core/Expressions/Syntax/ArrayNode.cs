namespace Dray.Core.Expressions.Syntax;

internal sealed record ArrayNode(int Position, IReadOnlyList<Node> Items) : Node(Position)
{
    public override IEnumerable<Node> Children() => Items;
}
