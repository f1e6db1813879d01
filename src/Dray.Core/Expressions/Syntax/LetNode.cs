namespace Dray.Core.Expressions.Syntax;

/// <summary><c>let name = value; body</c>.</summary>
internal sealed record LetNode(int Position, string Name, Node Value, Node Body) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Value, Body];
}
