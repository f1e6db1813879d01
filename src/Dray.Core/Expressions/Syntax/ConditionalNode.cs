namespace Dray.Core.Expressions.Syntax;

/// <summary><c>c ? a : b</c>; the Elvis form <c>a ?: b</c> has <see cref="WhenTrue"/> equal to the condition.</summary>
internal sealed record ConditionalNode(int Position, Node Condition, Node WhenTrue, Node WhenFalse) : Node(Position)
{
    public override IEnumerable<Node> Children() => [Condition, WhenTrue, WhenFalse];
}
