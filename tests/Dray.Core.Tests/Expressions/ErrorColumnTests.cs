using Dray.Core.Expressions;

namespace Dray.Core.Tests.Expressions;

/// <summary>Every error names the 1-based column of the offending token and quotes the expression.</summary>
public sealed class ErrorColumnTests
{
    [Theory]
    // syntax errors
    [InlineData(" imageFrom(x)) ", 14, "unexpected token ')'")]
    [InlineData("imageFrom(x))", 13, "unexpected token ')'")]
    [InlineData("1 +", 4, "unexpected end of expression")]
    [InlineData("(1 + 2", 7, "expected ')' but reached end of expression")]
    [InlineData("[1, 2", 6, "expected ',' but reached end of expression")]
    [InlineData("a.", 3, "expected a property name after '.', found end of expression")]
    [InlineData("a.1", 2, "unexpected token")]
    [InlineData("\"abc", 1, "unterminated string literal")]
    [InlineData("'a\\qb'", 3, "invalid escape sequence '\\q'")]
    [InlineData("1 @ 2", 3, "unrecognized character '@'")]
    [InlineData("12abc", 1, "invalid number literal '12a'")]
    [InlineData("99999999999999999999", 1, "integer literal '99999999999999999999' is too large")]
    [InlineData("{a 1}", 4, "unexpected token '1', expected ':'")]
    [InlineData("{[1]: 2}", 2, "a map key must be")]
    [InlineData("a not b", 7, "unexpected token 'b'")]
    [InlineData("let = 1; 2", 5, "expected a variable name after let")]
    [InlineData("x | 1", 5, "expected a function name after '|'")]
    [InlineData("", 1, "empty expression")]
    [InlineData("/* open", 1, "unterminated comment")]
    // evaluation errors point at the operator, call or member that failed
    [InlineData("1 + 2 + \"a\"", 7, "invalid operation: + (mismatched types int and string)")]
    [InlineData("upper(\"a\") + lower(7)", 14, "invalid argument for lower")]
    [InlineData("x.y.z", 3, "cannot fetch y from nil")]
    [InlineData("{a: nil}.a.b", 12, "cannot fetch b from nil")]
    [InlineData("[1][3]", 4, "index out of range: 3 (array length is 1)")]
    [InlineData("map([1, 0], 1 % #)", 15, "integer divide by zero")]
    public void Error_names_the_column_and_quotes_the_expression(string expression, int column, string reason)
    {
        var error = Expr.Fails(expression);
        error.Column.ShouldBe(column);
        error.Expression.ShouldBe(expression);
        error.Reason.ShouldStartWith(reason);
        error.Message.ShouldBe($"{error.Reason} at column {column} in \"{expression}\"");
    }

    [Fact]
    public void Error_from_a_host_function_gets_the_call_column()
    {
        var env = ExpressionEnvironment.Empty.WithFunction("boom", _ => throw new ExpressionException("it broke"));
        var error = Expr.Fails("1 + boom()", env);
        error.Message.ShouldBe("it broke at column 5 in \"1 + boom()\"");
    }
}
