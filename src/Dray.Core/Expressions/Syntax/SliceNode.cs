namespace Dray.Core.Expressions.Syntax;

internal sealed record SliceNode(int Position, Node Target, Node? From, Node? To) : Node(Position)
{
    public override IEnumerable<Node> Children()
    {
        yield return Target;
        if (From is not null)
        {
            yield return From;
        }

        if (To is not null)
        {
            yield return To;
        }
    }
}
