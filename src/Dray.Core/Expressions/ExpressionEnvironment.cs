using System.Collections.Immutable;

namespace Dray.Core.Expressions;

/// <summary>
/// What an expression can see: variables, functions (which take precedence over builtins of the same name), the
/// clock for <c>now()</c>, and the guard-rail limits. Immutable; the <c>With*</c> methods return a copy.
/// </summary>
public sealed class ExpressionEnvironment
{
    private ExpressionEnvironment(
        ImmutableDictionary<string, object?> variables,
        ImmutableDictionary<string, ExpressionFunction> functions,
        TimeProvider time,
        ExpressionLimits limits)
    {
        Variables = variables;
        Functions = functions;
        Time = time;
        Limits = limits;
    }

    public static ExpressionEnvironment Empty { get; } = new(
        ImmutableDictionary.Create<string, object?>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ExpressionFunction>(StringComparer.Ordinal),
        TimeProvider.System,
        ExpressionLimits.Default);

    public ImmutableDictionary<string, object?> Variables { get; }

    public ImmutableDictionary<string, ExpressionFunction> Functions { get; }

    public TimeProvider Time { get; }

    public ExpressionLimits Limits { get; }

    /// <summary>Adds or replaces a variable; CLR values and JSON nodes are converted with <see cref="ExpressionValues.FromClr"/>.</summary>
    public ExpressionEnvironment WithVariable(string name, object? value) =>
        new(Variables.SetItem(name, ExpressionValues.FromClr(value)), Functions, Time, Limits);

    public ExpressionEnvironment WithFunction(ExpressionFunction function) =>
        new(Variables, Functions.SetItem(function.Name, function), Time, Limits);

    public ExpressionEnvironment WithFunction(string name, Func<IReadOnlyList<object?>, object?> body) =>
        WithFunction(new ExpressionFunction(name, body));

    public ExpressionEnvironment WithTimeProvider(TimeProvider time) => new(Variables, Functions, time, Limits);

    public ExpressionEnvironment WithLimits(ExpressionLimits limits) => new(Variables, Functions, Time, limits);

    public bool HasName(string name) => Variables.ContainsKey(name) || Functions.ContainsKey(name);
}
