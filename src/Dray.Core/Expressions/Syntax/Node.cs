namespace Dray.Core.Expressions.Syntax;

/// <summary>A syntax-tree node. <see cref="Position"/> is the 0-based offset of the token that produced it.</summary>
internal abstract record Node(int Position)
{
    public abstract IEnumerable<Node> Children();
}
