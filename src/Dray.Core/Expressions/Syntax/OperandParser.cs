namespace Dray.Core.Expressions.Syntax;

/// <summary>Parses what surrounds and follows primaries: calls and their predicates, array and map literals, member, index and slice access.</summary>
internal sealed class OperandParser(Parser parser, TokenCursor cursor)
{
    private Token Current => cursor.Current;

    public CallNode ParseCall(Token name, Node? piped)
    {
        var arguments = new List<Node>();
        if (piped is not null)
        {
        arguments.Add(piped);
        }

        var open = Current;
        Expect(TokenKind.Bracket, "(");
        if (Operators.TryPredicateShape(name.Text, out var shape))
        {
        ParsePredicateArguments(shape, arguments, open);
        }
        else
        {
        ParseArgumentList(arguments, piped is null ? 0 : 1);
        }

        Expect(TokenKind.Bracket, ")");
        return new CallNode(name.Position, name.Text, arguments);
    }

    public void ParseArgumentList(List<Node> arguments, int offset)
    {
        while (!Current.IsBracket(")"))
        {
        if (arguments.Count > offset)
        {
            Expect(TokenKind.Operator, ",");
            if (Current.IsBracket(")"))
            {
                break;
            }
        }

        arguments.Add(parser.ParseExpression(0));
        }
    }

    private void ParsePredicateArguments(string shape, List<Node> arguments, Token open)
    {
        var offset = arguments.Count;
        for (var i = offset; i < shape.Length; i++)
        {
        var slot = shape[i];
        if (Current.IsBracket(")"))
        {
            if (char.IsUpper(slot))
            {
                throw Error($"expected at least {shape.Count(char.IsUpper) - offset} arguments", Current);
            }

            break;
        }

        if (i > offset)
        {
            Expect(TokenKind.Operator, ",");
        }

        arguments.Add(char.ToUpperInvariant(slot) == 'P' ? ParsePredicate() : parser.ParseExpression(0));
        }

        if (Current.IsOperator(","))
        {
        Advance();
        }

        if (!Current.IsBracket(")"))
        {
        throw Error($"too many arguments, expected at most {shape.Length}", Current.Kind == TokenKind.End ? open : Current);
        }
    }

    private PredicateNode ParsePredicate()
    {
        var start = Current;
        var braces = start.IsBracket("{");
        if (braces)
        {
        Advance();
        }

        parser.PredicateDepth++;
        var body = braces ? parser.ParseSequence() : parser.ParseExpression(0);
        parser.PredicateDepth--;
        if (braces)
        {
        Expect(TokenKind.Bracket, "}");
        }
        else if (Current.IsOperator(";"))
        {
        throw Error("wrap predicate with brackets { and }", Current);
        }

        return new PredicateNode(start.Position, body);
    }

    public ArrayNode ParseArray()
    {
        var open = Current;
        Advance();
        var items = new List<Node>();
        while (!Current.IsBracket("]"))
        {
        if (items.Count > 0)
        {
            Expect(TokenKind.Operator, ",");
            if (Current.IsBracket("]"))
            {
                break;
            }
        }

        items.Add(parser.ParseExpression(0));
        }

        Advance();
        return new ArrayNode(open.Position, items);
    }

    public MapNode ParseMap()
    {
        var open = Current;
        Advance();
        var entries = new List<Node>();
        while (!Current.IsBracket("}"))
        {
        if (entries.Count > 0)
        {
            Expect(TokenKind.Operator, ",");
            if (Current.IsBracket("}"))
            {
                break;
            }
        }

        var key = Current;
        if (key.Kind is TokenKind.Identifier or TokenKind.String or TokenKind.Integer or TokenKind.Float ||
            (key.Kind == TokenKind.Operator && char.IsLetter(key.Text[0])))
        {
            Advance();
            entries.Add(new LiteralNode(key.Position, key.Text));
        }
        else if (key.IsBracket("("))
        {
            entries.Add(parser.ParseExpression(0));
        }
        else
        {
            throw Error($"a map key must be a quoted string, a number, an identifier, or an expression in parentheses (unexpected {key.Describe()})", key);
        }

        Expect(TokenKind.Operator, ":");
        entries.Add(parser.ParseExpression(0));
        }

        Advance();
        return new MapNode(open.Position, entries);
    }

    public Node ParsePostfix(Node node)
    {
        while (true)
        {
        var token = Current;
        if (token.IsOperator(".") || token.IsOperator("?."))
        {
            var optional = token.Text == "?.";
            Advance();
            if (optional && Current.IsBracket("["))
            {
                node = ParseIndex(node, optional: true);
                continue;
            }

            var property = Current;
            if (property.Kind != TokenKind.Identifier && !(property.Kind == TokenKind.Operator && char.IsLetter(property.Text[0])))
            {
                throw Error($"expected a property name after '{token.Text}', found {property.Describe()}", property);
            }

            Advance();
            var member = new MemberNode(property.Position, node, new LiteralNode(property.Position, property.Text), optional, Dotted: true);
            if (Current.IsBracket("("))
            {
                Advance();
                var arguments = new List<Node>();
                ParseArgumentList(arguments, 0);
                Expect(TokenKind.Bracket, ")");
                node = new InvokeNode(property.Position, member, arguments);
            }
            else
            {
                node = member;
            }
        }
        else if (token.IsBracket("["))
        {
            node = ParseIndex(node, optional: false);
        }
        else
        {
            return node;
        }
        }
    }

    private Node ParseIndex(Node target, bool optional)
    {
        var open = Current;
        Advance();
        if (Current.IsOperator(":"))
        {
            Advance();
            var to = Current.IsBracket("]") ? null : parser.ParseExpression(0);
            Expect(TokenKind.Bracket, "]");
            return new SliceNode(open.Position, target, null, to);
        }

        var from = parser.ParseExpression(0);
        if (Current.IsOperator(":"))
        {
            Advance();
            var to = Current.IsBracket("]") ? null : parser.ParseExpression(0);
            Expect(TokenKind.Bracket, "]");
            return new SliceNode(open.Position, target, from, to);
        }

        Expect(TokenKind.Bracket, "]");
        return new MemberNode(open.Position, target, from, optional, Dotted: false);
    }

    private void Advance() => cursor.Advance();

    private void Expect(TokenKind kind, string text) => cursor.Expect(kind, text);

    private ExpressionException Error(string reason, Token token) => cursor.Error(reason, token);
}
