namespace Dray.Core.Expressions.Syntax;

/// <summary>Bounds the depth of a parsed tree, so evaluating it cannot exhaust the stack.</summary>
internal static class TreeDepth
{
    // Left-associative chains (1+1+1+...) grow the tree without deepening the parser's recursion.
    public static void Check(Node root, string text, int maxDepth)
    {
        var stack = new Stack<(Node Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth * 4)
            {
                throw new ExpressionException($"expression is nested deeper than {maxDepth} levels", text, node.Position + 1);
            }

            foreach (var child in node.Children())
            {
                stack.Push((child, depth + 1));
            }
        }
    }
}
