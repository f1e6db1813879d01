namespace Dray.Core.Expressions.Syntax;

/// <summary>A lexed token. <see cref="Position"/> is the 0-based offset into the expression text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsOperator(string text) => Is(TokenKind.Operator, text);

    public bool IsBracket(string text) => Is(TokenKind.Bracket, text);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string {Quote(Text)}",
        _ => $"token '{Text}'",
    };

    private static string Quote(string s) => s.Length > 20 ? $"'{s[..20]}...'" : $"'{s}'";
}
