namespace Dray.Core.Expressions.Syntax;

/// <summary>A map literal; <see cref="Entries"/> alternate key, value, key, value.</summary>
internal sealed record MapNode(int Position, IReadOnlyList<Node> Entries) : Node(Position)
{
    public override IEnumerable<Node> Children() => Entries;
}
