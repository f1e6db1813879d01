namespace Dray.Core.Expressions.Syntax;

internal enum TokenKind
{
    End,
    Identifier,
    Integer,
    Float,
    String,
    Operator,
    Bracket,
}
