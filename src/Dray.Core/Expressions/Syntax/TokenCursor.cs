namespace Dray.Core.Expressions.Syntax;

/// <summary>The parser's position in the token list, with expectation checks that produce located errors.</summary>
internal sealed class TokenCursor(string text, List<Token> tokens)
{
    private int _index;

    public string Text { get; } = text;

    public Token Current => tokens[_index];

    public Token Peek(int offset) => tokens[Math.Min(_index + offset, tokens.Count - 1)];

    public void Advance()
    {
        if (_index < tokens.Count - 1)
        {
            _index++;
        }
    }

    public void Expect(TokenKind kind, string value)
    {
        if (!Current.Is(kind, value))
        {
            throw Current.Kind == TokenKind.End
                ? Error($"expected '{value}' but reached end of expression", Current)
                : Error($"unexpected {Current.Describe()}, expected '{value}'", Current);
        }

        Advance();
    }

    public ExpressionException Unexpected() => Unexpected(Current);

    public ExpressionException Unexpected(Token token) =>
        Error(token.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected {token.Describe()}", token);

    public ExpressionException Error(string reason, Token token) => new(reason, Text, token.Position + 1);
}
