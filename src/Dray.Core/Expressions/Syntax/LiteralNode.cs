namespace Dray.Core.Expressions.Syntax;

/// <summary>nil, a bool, a long, a double or a string.</summary>
internal sealed record LiteralNode(int Position, object? Value) : Node(Position)
{
    public override IEnumerable<Node> Children() => [];
}
