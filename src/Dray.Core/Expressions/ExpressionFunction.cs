namespace Dray.Core.Expressions;

/// <summary>
/// A callable value: an environment function such as <c>imageFrom</c>, or a method of a host object.
/// The body receives evaluated arguments in the expression value model (see <see cref="ExpressionValues"/>) and
/// reports errors by throwing <see cref="ExpressionException"/>.
/// </summary>
public sealed class ExpressionFunction(string name, Func<IReadOnlyList<object?>, object?> body)
{
    public string Name { get; } = name;

    public object? Invoke(IReadOnlyList<object?> arguments) => body(arguments);

    public override string ToString() => $"func {Name}";
}
