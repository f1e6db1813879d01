namespace Dray.Core.Expressions.Syntax;

/// <summary><c>a.b</c>, <c>a?.b</c>, <c>a[i]</c> or <c>a?.[i]</c>. A dotted name is a string literal property.</summary>
internal sealed record MemberNode(int Position, Node Target, Node Property, bool Optional, bool Dotted) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Target, Property];
}
