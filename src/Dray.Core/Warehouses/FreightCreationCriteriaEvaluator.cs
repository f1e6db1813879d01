using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>Evaluates <c>spec.freightCreationCriteria.expression</c> against the Freight discovery would create.</summary>
public static class FreightCreationCriteriaEvaluator
{
    /// <returns>True when there is no expression or it holds.</returns>
    /// <exception cref="DiscoveryFailedException">The expression is invalid, fails, or yields something not boolean.</exception>
    public static bool Allows(Warehouse warehouse, Freight candidate, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(candidate);
        if (warehouse.Spec.FreightCreationCriteria?.Expression is not { Length: > 0 } expression)
        {
            return true;
        }

        object? result;
        try
        {
            var environment = ExpressionEnvironment.Empty
                .WithTimeProvider(timeProvider)
                .WithKargoFunctions(new CandidateFreightContext(warehouse, candidate));
            result = CompiledExpression.Evaluate(expression, environment);
        }
        catch (ExpressionException ex)
        {
            throw new DiscoveryFailedException($"freightCreationCriteria: {ex.Message}", ex);
        }

        return result switch
        {
            bool value => value,
            string text when ParseGoBool(text) is { } value => value,
            _ => throw new DiscoveryFailedException($"freightCreationCriteria: the expression must yield a boolean, got {result ?? "nil"}"),
        };
    }

    /// <summary>Go's strconv.ParseBool, which Kargo uses to coerce non-boolean results.</summary>
    private static bool? ParseGoBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
