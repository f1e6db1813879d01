namespace Dray.Core.Expressions.Syntax;

/// <summary><c>a; b; c</c>: every part is evaluated, the last one is the result.</summary>
internal sealed record SequenceNode(int Position, IReadOnlyList<Node> Parts) : Node(Position)
{
    public override IEnumerable<Node> Children() => Parts;
}
