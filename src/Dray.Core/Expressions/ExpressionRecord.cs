namespace Dray.Core.Expressions;

/// <summary>Base for host objects that are plain records of fields, like Kargo's Go structs.</summary>
public abstract record ExpressionRecord : IExpressionObject
{
    public abstract string TypeName { get; }

    protected abstract IEnumerable<ExpressionField> Fields();

    /// <summary>Methods, callable as <c>obj.Name()</c>. None by default.</summary>
    protected virtual ExpressionFunction? FindMethod(string name) => null;

    public bool TryGetMember(string name, out object? value)
    {
        foreach (var field in Fields())
        {
            if (string.Equals(field.GoName, name, StringComparison.Ordinal) ||
                string.Equals(field.JsonName, name, StringComparison.Ordinal))
            {
                value = field.Value;
                return true;
            }
        }

        value = FindMethod(name);
        return value is not null;
    }

    public IEnumerable<KeyValuePair<string, object?>> JsonFields()
    {
        foreach (var field in Fields())
        {
            if (field.OmitEmpty && ExpressionValues.IsEmpty(field.Value))
            {
                continue;
            }

            yield return new KeyValuePair<string, object?>(field.JsonName, field.Value);
        }
    }
}
