namespace Dray.Core.Expressions.Syntax;

/// <summary>A Pratt parser for expr-lang expressions.</summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;
    private int _predicateDepth;

    private Parser(string text, List<Token> tokens, int maxDepth)
    {
        _text = text;
        _tokens = tokens;
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_index];

    public static Node Parse(string text, ExpressionLimits limits)
    {
        if (text.Length > limits.MaxExpressionLength)
        {
            throw new ExpressionException($"expression is longer than {limits.MaxExpressionLength} characters", text, 1);
        }

        var parser = new Parser(text, Lexer.Tokenize(text), limits.MaxDepth);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException("empty expression", text, 1);
        }

        var node = parser.ParseSequence();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        CheckTreeDepth(node, text, limits.MaxDepth);
        return node;
    }

    private Node ParseSequence()
    {
        var first = ParseExpression(0);
        if (!Current.IsOperator(";"))
        {
            return first;
        }

        var parts = new List<Node> { first };
        while (Current.IsOperator(";"))
        {
            Advance();
            if (Current.Kind == TokenKind.End || Current.IsBracket("}") || Current.IsBracket(")"))
            {
                break;
            }

            parts.Add(ParseExpression(0));
        }

        return parts.Count == 1 ? first : new SequenceNode(first.Position, parts);
    }

    private Node ParseExpression(int minPrecedence)
    {
        Enter();
        try
        {
            if (minPrecedence == 0 && Current.IsOperator("let"))
            {
                return ParseLet();
            }

            var left = ParsePrimary();
            string? previous = null;
            while (Current.Kind == TokenKind.Operator)
            {
                var opToken = Current;
                var negate = false;
                if (opToken.Text == "not")
                {
                    var next = Peek(1);
                    if (next.Kind != TokenKind.Operator || !Operators.IsNegatable(next.Text))
                    {
                        throw Unexpected(next);
                    }

                    Operators.TryBinary(next.Text, out var notPrecedence, out _);
                    if (notPrecedence < minPrecedence)
                    {
                        break;
                    }

                    Advance();
                    negate = true;
                    opToken = Current;
                }

                if (!Operators.TryBinary(opToken.Text, out var precedence, out var rightAssociative) || precedence < minPrecedence)
                {
                    break;
                }

                Advance();
                if (opToken.Text == "|")
                {
                    left = ParsePipe(left);
                    previous = "|";
                    continue;
                }

                if (previous == "??" && opToken.Text != "??")
                {
                    throw Error($"operator ({opToken.Text}) and coalesce expressions (??) cannot be mixed; wrap either in parentheses", opToken);
                }

                if (Operators.IsComparison(opToken.Text))
                {
                    left = ParseComparisonChain(left, opToken, precedence);
                }
                else
                {
                    var right = ParseExpression(rightAssociative ? precedence : precedence + 1);
                    left = new BinaryNode(opToken.Position, opToken.Text, left, right);
                }

                if (negate)
                {
                    left = new UnaryNode(opToken.Position, "not", left);
                }

                previous = opToken.Text;
            }

            return minPrecedence == 0 ? ParseConditional(left) : left;
        }
        finally
        {
            _depth--;
        }
    }

    // a < b <= c means a < b && b <= c, as in expr-lang.
    private Node ParseComparisonChain(Node left, Token opToken, int precedence)
    {
        Node? result = null;
        while (true)
        {
            var right = ParseExpression(precedence + 1);
            var comparison = new BinaryNode(opToken.Position, opToken.Text, left, right);
            result = result is null ? comparison : new BinaryNode(opToken.Position, "&&", result, comparison);
            left = right;
            if (Current.Kind != TokenKind.Operator || !Operators.IsComparison(Current.Text))
            {
                return result;
            }

            opToken = Current;
            Advance();
        }
    }

    private Node ParseConditional(Node condition)
    {
        while (Current.IsOperator("?"))
        {
            var question = Current;
            Advance();
            if (Current.IsOperator(":"))
        {
            Advance();
            condition = new ConditionalNode(question.Position, condition, condition, ParseExpression(0));
            continue;
        }

        var whenTrue = ParseExpression(0);
        Expect(TokenKind.Operator, ":");
        var whenFalse = ParseExpression(0);
        condition = new ConditionalNode(question.Position, condition, whenTrue, whenFalse);
        }

        return condition;
    }

    private LetNode ParseLet()
    {
        var letToken = Current;
        Advance();
        var name = Current;
        if (name.Kind != TokenKind.Identifier)
        {
        throw Error($"expected a variable name after let, found {name.Describe()}", name);
        }

        Advance();
        Expect(TokenKind.Operator, "=");
        var value = ParseExpression(0);
        Expect(TokenKind.Operator, ";");
        return new LetNode(letToken.Position, name.Text, value, ParseSequence());
    }

    private Node ParsePipe(Node left)
    {
        var name = Current;
        if (name.Kind != TokenKind.Identifier)
        {
        throw Error($"expected a function name after '|', found {name.Describe()}", name);
        }

        Advance();
        return ParsePostfix(ParseCall(name, left));
    }

    private Node ParsePrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.Operator)
        {
        switch (token.Text)
        {
            case "not" or "!":
                Advance();
                return new UnaryNode(token.Position, token.Text == "!" ? "not" : "not", ParseExpression(Operators.UnaryNot));
            case "-" or "+":
                Advance();
                return new UnaryNode(token.Position, token.Text, ParseExpression(Operators.UnarySign));
            case "#" when _predicateDepth > 0:
                Advance();
                var name = "";
                if (Current.Kind == TokenKind.Identifier && Current.Position == token.Position + 1)
                {
                    name = Current.Text;
                    Advance();
                }

                return ParsePostfix(new PointerNode(token.Position, name));
            case "." when _predicateDepth > 0:
                // ".Field" inside a predicate is "#.Field": leave the dot for ParsePostfix.
                return ParsePostfix(new PointerNode(token.Position, ""));
        }
        }

        return ParseSecondary();
    }

    private Node ParseSecondary()
    {
        var token = Current;
        Node node;
        switch (token.Kind)
        {
        case TokenKind.Identifier:
            Advance();
            node = token.Text switch
            {
                "true" => new LiteralNode(token.Position, true),
                "false" => new LiteralNode(token.Position, false),
                "nil" => new LiteralNode(token.Position, null),
                _ when Current.IsBracket("(") => ParseCall(token, null),
                _ => new IdentifierNode(token.Position, token.Text),
            };
            break;
        case TokenKind.Integer or TokenKind.Float or TokenKind.String:
            Advance();
            node = new LiteralNode(token.Position, token.Kind == TokenKind.String ? token.Text : token.Value);
            break;
        case TokenKind.Bracket when token.Text == "(":
            Advance();
            var inner = ParseSequence();
            Expect(TokenKind.Bracket, ")");
            node = new GroupNode(token.Position, inner);
            break;
        case TokenKind.Bracket when token.Text == "[":
            node = ParseArray();
            break;
        case TokenKind.Bracket when token.Text == "{":
            node = ParseMap();
            break;
        default:
            throw Unexpected();
        }

        return ParsePostfix(node);
    }

    private CallNode ParseCall(Token name, Node? piped)
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

    private void ParseArgumentList(List<Node> arguments, int offset)
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

        arguments.Add(ParseExpression(0));
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

        arguments.Add(char.ToUpperInvariant(slot) == 'P' ? ParsePredicate() : ParseExpression(0));
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

        _predicateDepth++;
        var body = braces ? ParseSequence() : ParseExpression(0);
        _predicateDepth--;
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

    private ArrayNode ParseArray()
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

        items.Add(ParseExpression(0));
        }

        Advance();
        return new ArrayNode(open.Position, items);
    }

    private MapNode ParseMap()
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
            entries.Add(ParseExpression(0));
        }
        else
        {
            throw Error($"a map key must be a quoted string, a number, an identifier, or an expression in parentheses (unexpected {key.Describe()})", key);
        }

        Expect(TokenKind.Operator, ":");
        entries.Add(ParseExpression(0));
        }

        Advance();
        return new MapNode(open.Position, entries);
    }

    private Node ParsePostfix(Node node)
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
            var to = Current.IsBracket("]") ? null : ParseExpression(0);
            Expect(TokenKind.Bracket, "]");
            return new SliceNode(open.Position, target, null, to);
        }

        var from = ParseExpression(0);
        if (Current.IsOperator(":"))
        {
            Advance();
            var to = Current.IsBracket("]") ? null : ParseExpression(0);
            Expect(TokenKind.Bracket, "]");
            return new SliceNode(open.Position, target, from, to);
        }

        Expect(TokenKind.Bracket, "]");
        return new MemberNode(open.Position, target, from, optional, Dotted: false);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw Error($"expression is nested deeper than {_maxDepth} levels", Current);
        }
    }

    private Token Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    private void Expect(TokenKind kind, string text)
    {
        if (!Current.Is(kind, text))
        {
            throw Current.Kind == TokenKind.End
                ? Error($"expected '{text}' but reached end of expression", Current)
                : Error($"unexpected {Current.Describe()}, expected '{text}'", Current);
        }

        Advance();
    }

    private ExpressionException Unexpected() => Unexpected(Current);

    private ExpressionException Unexpected(Token token) =>
        Error(token.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected {token.Describe()}", token);

    private ExpressionException Error(string reason, Token token) => new(reason, _text, token.Position + 1);

    // Left-associative chains (1+1+1+...) grow the tree without deepening the parser's recursion.
    private static void CheckTreeDepth(Node root, string text, int maxDepth)
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
