namespace Dray.Core.Expressions.Syntax;

/// <summary>
/// A Pratt parser for expr-lang expressions: operators, precedence and primaries. Calls, predicates, collection
/// literals and postfix access are parsed by <see cref="OperandParser"/>.
/// </summary>
internal sealed class Parser
{
    private readonly TokenCursor _cursor;
    private readonly OperandParser _operands;
    private readonly int _maxDepth;
    private int _depth;

    private Parser(string text, List<Token> tokens, int maxDepth)
    {
        _cursor = new TokenCursor(text, tokens);
        _operands = new OperandParser(this, _cursor);
        _maxDepth = maxDepth;
    }

    /// <summary>Greater than zero while parsing a predicate, where <c>#</c> and <c>.Field</c> are allowed.</summary>
    public int PredicateDepth { get; set; }

    private Token Current => _cursor.Current;

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

        TreeDepth.Check(node, text, limits.MaxDepth);
        return node;
    }

    public Node ParseSequence()
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

    public Node ParseExpression(int minPrecedence)
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
        return _operands.ParsePostfix(_operands.ParseCall(name, left));
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
            case "#" when PredicateDepth > 0:
                Advance();
                var name = "";
                if (Current.Kind == TokenKind.Identifier && Current.Position == token.Position + 1)
                {
                    name = Current.Text;
                    Advance();
                }

                return _operands.ParsePostfix(new PointerNode(token.Position, name));
            case "." when PredicateDepth > 0:
                // ".Field" inside a predicate is "#.Field": leave the dot for ParsePostfix.
                return _operands.ParsePostfix(new PointerNode(token.Position, ""));
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
                _ when Current.IsBracket("(") => _operands.ParseCall(token, null),
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
            node = _operands.ParseArray();
            break;
        case TokenKind.Bracket when token.Text == "{":
            node = _operands.ParseMap();
            break;
        default:
            throw Unexpected();
        }

        return _operands.ParsePostfix(node);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw Error($"expression is nested deeper than {_maxDepth} levels", Current);
        }
    }

    private Token Peek(int offset) => _cursor.Peek(offset);

    private void Advance() => _cursor.Advance();

    private void Expect(TokenKind kind, string text) => _cursor.Expect(kind, text);

    private ExpressionException Unexpected() => _cursor.Unexpected();

    private ExpressionException Unexpected(Token token) => _cursor.Unexpected(token);

    private ExpressionException Error(string reason, Token token) => _cursor.Error(reason, token);
}
