using System.Globalization;
using System.Text;

namespace Dray.Core.Expressions.Syntax;

/// <summary>
/// Prints a syntax tree back to expression text that parses to the same tree (<see cref="Print"/>), or as a
/// structural S-expression for comparing trees (<see cref="Dump"/>).
/// </summary>
internal static class AstPrinter
{
    public static string Print(Node node)
    {
        var sb = new StringBuilder();
        Print(sb, node);
        return sb.ToString();
    }

    public static string Dump(Node node)
    {
        var sb = new StringBuilder();
        Dump(sb, node);
        return sb.ToString();
    }

    private static void Print(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case LiteralNode literal:
                sb.Append(Literal(literal.Value));
                break;
            case IdentifierNode identifier:
                sb.Append(identifier.Name);
                break;
            case PointerNode pointer:
                sb.Append('#').Append(pointer.Name);
                break;
            case GroupNode group:
                sb.Append('(');
                Print(sb, group.Inner);
                sb.Append(')');
                break;
            case MemberNode member:
                Print(sb, member.Target);
                if (member.Dotted)
                {
                    sb.Append(member.Optional ? "?." : ".").Append((string)((LiteralNode)member.Property).Value!);
                }
                else
                {
                    sb.Append(member.Optional ? "?.[" : "[");
                    Print(sb, member.Property);
                    sb.Append(']');
                }

                break;
            case SliceNode slice:
                Print(sb, slice.Target);
                sb.Append('[');
                PrintOptional(sb, slice.From);
                sb.Append(':');
                PrintOptional(sb, slice.To);
                sb.Append(']');
                break;
            case InvokeNode invoke:
                Print(sb, invoke.Callee);
                PrintList(sb, "(", invoke.Arguments, ")");
                break;
            case CallNode call:
                sb.Append(call.Name);
                PrintList(sb, "(", call.Arguments, ")");
                break;
            case UnaryNode { Operator: "not", Operand: BinaryNode inner } when Operators.IsNegatable(inner.Operator):
                Print(sb, inner.Left);
                sb.Append(" not ").Append(inner.Operator).Append(' ');
                Print(sb, inner.Right);
                break;
            case UnaryNode unary:
                sb.Append(unary.Operator == "not" ? "not " : unary.Operator);
                Print(sb, unary.Operand);
                break;
            case BinaryNode { Operator: "&&", Left: BinaryNode left, Right: BinaryNode right } when IsChainLink(left, right):
                // a < b < c parses to (a < b) && (b < c) sharing b; print it back as the chain.
                Print(sb, left);
                sb.Append(' ').Append(right.Operator).Append(' ');
                Print(sb, right.Right);
                break;
            case BinaryNode binary:
                Print(sb, binary.Left);
                sb.Append(' ').Append(binary.Operator).Append(' ');
                Print(sb, binary.Right);
                break;
            case ConditionalNode conditional when ReferenceEquals(conditional.Condition, conditional.WhenTrue):
                Print(sb, conditional.Condition);
                sb.Append(" ?: ");
                Print(sb, conditional.WhenFalse);
                break;
            case ConditionalNode conditional:
                Print(sb, conditional.Condition);
                sb.Append(" ? ");
                Print(sb, conditional.WhenTrue);
                sb.Append(" : ");
                Print(sb, conditional.WhenFalse);
                break;
            case ArrayNode array:
                PrintList(sb, "[", array.Items, "]");
                break;
            case MapNode map:
                sb.Append('{');
                for (var i = 0; i + 1 < map.Entries.Count; i += 2)
                {
                    sb.Append(i > 0 ? ", " : "");
                    Print(sb, map.Entries[i]);
                    sb.Append(": ");
                    Print(sb, map.Entries[i + 1]);
                }

                sb.Append('}');
                break;
            case PredicateNode predicate:
                sb.Append("{ ");
                Print(sb, predicate.Body);
                sb.Append(" }");
                break;
            case LetNode let:
                sb.Append("let ").Append(let.Name).Append(" = ");
                Print(sb, let.Value);
                sb.Append("; ");
                Print(sb, let.Body);
                break;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Parts.Count; i++)
                {
                    sb.Append(i > 0 ? "; " : "");
                    Print(sb, sequence.Parts[i]);
                }

                break;
        }
    }

    private static bool IsChainLink(BinaryNode left, BinaryNode right)
    {
        if (!Operators.IsComparison(right.Operator))
        {
            return false;
        }

        var last = left switch
        {
            { Operator: "&&", Right: BinaryNode previous } when Operators.IsComparison(previous.Operator) => previous.Right,
            _ when Operators.IsComparison(left.Operator) => left.Right,
            _ => null,
        };
        return ReferenceEquals(last, right.Left);
    }

    private static void PrintOptional(StringBuilder sb, Node? node)
    {
        if (node is not null)
        {
            Print(sb, node);
        }
    }

    private static void PrintList(StringBuilder sb, string open, IReadOnlyList<Node> items, string close)
    {
        sb.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i > 0 ? ", " : "");
            Print(sb, items[i]);
        }

        sb.Append(close);
    }

    private static string Literal(object? value) => value switch
    {
        null => "nil",
        true => "true",
        false => "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FloatLiteral(d),
        string s => QuoteLiteral(s),
        _ => throw new InvalidOperationException("unknown literal"),
    };

    private static string FloatLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string QuoteLiteral(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                < ' ' or '\u007f' => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    private static void Dump(StringBuilder sb, Node node)
    {
        var label = node switch
        {
            LiteralNode literal => $"lit:{ExpressionValues.TypeName(literal.Value)}:{Literal(literal.Value)}",
            IdentifierNode identifier => $"id:{identifier.Name}",
            PointerNode pointer => $"ptr:{pointer.Name}",
            MemberNode member => $"member:{(member.Optional ? "?" : "")}{(member.Dotted ? "." : "[]")}",
            SliceNode slice => $"slice:{(slice.From is null ? "_" : "f")}{(slice.To is null ? "_" : "t")}",
            CallNode call => $"call:{call.Name}",
            UnaryNode unary => $"unary:{unary.Operator}",
            BinaryNode binary => $"binary:{binary.Operator}",
            ConditionalNode conditional => ReferenceEquals(conditional.Condition, conditional.WhenTrue) ? "elvis" : "cond",
            LetNode let => $"let:{let.Name}",
            _ => node.GetType().Name,
        };
        sb.Append('(').Append(label);
        foreach (var child in node.Children())
        {
            if (node is ConditionalNode c && ReferenceEquals(c.Condition, c.WhenTrue) && ReferenceEquals(child, c.WhenTrue))
            {
                continue;
            }

            sb.Append(' ');
            Dump(sb, child);
        }

        sb.Append(')');
    }
}
