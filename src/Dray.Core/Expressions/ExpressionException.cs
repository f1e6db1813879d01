namespace Dray.Core.Expressions;

/// <summary>
/// A syntax or evaluation error in an expression. It is terminal: retrying the same expression against the same
/// data fails the same way. <see cref="Column"/> is 1-based and relative to <see cref="Expression"/>.
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException()
        : this("expression error")
    {
    }

    public ExpressionException(string message)
        : base(message)
    {
        Reason = message;
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public ExpressionException(string reason, string expression, int column, Exception? innerException = null)
        : base(Format(reason, expression, column), innerException)
    {
        Reason = reason;
        Expression = expression;
        Column = column;
    }

    /// <summary>The error without its location.</summary>
    public string Reason { get; }

    /// <summary>The expression text, when known.</summary>
    public string? Expression { get; }

    /// <summary>1-based column of the offending token, when known.</summary>
    public int? Column { get; }

    /// <summary>Attaches a location to an error raised without one (by a builtin or host function).</summary>
    internal ExpressionException Locate(string expression, int position) =>
        Expression is not null ? this : new ExpressionException(Reason, expression, position + 1, this);

    private static string Format(string reason, string expression, int column) =>
        $"{reason} at column {column} in \"{expression}\"";
}
