namespace Dray.Core.Expressions.Syntax;

/// <summary>A parenthesised expression; it ends an optional chain, so <c>(a?.b).c</c> fails when a is nil.</summary>
internal sealed record GroupNode(int Position, Node Inner) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Inner];
}
