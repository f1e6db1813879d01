namespace Dray.Core.Expressions.Syntax;

/// <summary>A method call on a value, such as <c>semverParse(v).Major()</c>.</summary>
internal sealed record InvokeNode(int Position, MemberNode Callee, IReadOnlyList<Node> Arguments) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Callee, .. Arguments];
}
