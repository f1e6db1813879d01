namespace Dray.Core.Expressions;

/// <summary>
/// A host object visible to expressions, such as the Image returned by <c>imageFrom()</c>. Members are looked up
/// by name; a member may be a plain value or an <see cref="ExpressionFunction"/> (a method).
/// </summary>
public interface IExpressionObject
{
    /// <summary>The name <c>type()</c> returns and error messages use, e.g. "Image".</summary>
    string TypeName { get; }

    bool TryGetMember(string name, out object? value);

    /// <summary>The fields written when the object is JSON-marshalled, in order, with their JSON names.</summary>
    IEnumerable<KeyValuePair<string, object?>> JsonFields();
}
