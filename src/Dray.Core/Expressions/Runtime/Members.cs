namespace Dray.Core.Expressions.Runtime;

/// <summary>Member, index and slice access on values.</summary>
internal static class Members
{
    public static object? Fetch(object? target, object? key)
    {
        switch (target)
        {
            case null:
                throw new ExpressionException($"cannot fetch {Describe(key)} from nil");
            case ExpressionMap map:
                return key is string name
                    ? map.TryGetValue(name, out var value) ? value : null
                    : throw new ExpressionException($"cannot use {ExpressionValues.TypeName(key)} as a map key");
            case IReadOnlyList<object?> list:
                return list[Index(key, list.Count, "array")];
            case string s:
                return s[Index(key, s.Length, "string")].ToString();
            case IExpressionObject obj:
                return key is string member && obj.TryGetMember(member, out var field)
                    ? field
                    : throw new ExpressionException($"cannot fetch {Describe(key)} from {obj.TypeName}");
            default:
                throw new ExpressionException($"cannot fetch {Describe(key)} from {ExpressionValues.TypeName(target)}");
        }
    }

    public static object? Slice(object? target, object? from, object? to, Evaluator evaluator)
    {
        int length;
        switch (target)
        {
            case IReadOnlyList<object?> list:
                length = list.Count;
                break;
            case string s:
                length = s.Length;
                break;
            default:
                throw new ExpressionException($"cannot slice {ExpressionValues.TypeName(target)}");
        }

        var a = from is null ? 0 : Bound(Arithmetic.ToInteger(from, "slice index"), length);
        var b = to is null ? length : Bound(Arithmetic.ToInteger(to, "slice index"), length);
        a = Math.Min(a, b);
        evaluator.Charge(b - a);
        return target is string str ? str[a..b] : ((IReadOnlyList<object?>)target).Skip(a).Take(b - a).ToList();
    }

    private static int Index(object? key, int length, string typeName)
    {
        var index = key switch
        {
            long l => l,
            double d when d == Math.Floor(d) && !double.IsInfinity(d) => (long)d,
            _ => throw new ExpressionException($"cannot fetch {Describe(key)} from {typeName}"),
        };
        var adjusted = index < 0 ? length + index : index;
        return adjusted < 0 || adjusted >= length
            ? throw new ExpressionException($"index out of range: {index} (array length is {length})")
            : (int)adjusted;
    }

    private static int Bound(long index, int length)
    {
        if (index < 0)
        {
            index += length;
        }

        return (int)Math.Clamp(index, 0, length);
    }

    private static string Describe(object? key) => key is string s ? s : Arithmetic.FormatNumber(key);
}
