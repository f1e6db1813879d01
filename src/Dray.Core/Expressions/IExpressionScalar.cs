namespace Dray.Core.Expressions;

/// <summary>
/// A host object that marshals to JSON and prints as a single value rather than as an object of fields, like Go
/// types with their own MarshalJSON (a semantic version, a time).
/// </summary>
public interface IExpressionScalar : IExpressionObject
{
    /// <summary>The value in the expression model (usually a string) used for JSON and <c>string()</c>.</summary>
    object? ToScalar();
}
