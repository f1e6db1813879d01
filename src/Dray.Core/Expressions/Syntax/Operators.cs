namespace Dray.Core.Expressions.Syntax;

/// <summary>expr-lang's operator precedences (higher binds tighter) and predicate-builtin argument shapes.</summary>
internal static class Operators
{
    public const int UnaryNot = 50;
    public const int UnarySign = 90;

    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> BinaryTable = new(StringComparer.Ordinal)
    {
        ["|"] = (0, false),
        ["or"] = (10, false),
        ["||"] = (10, false),
        ["and"] = (15, false),
        ["&&"] = (15, false),
        ["=="] = (20, false),
        ["!="] = (20, false),
        ["<"] = (20, false),
        [">"] = (20, false),
        ["<="] = (20, false),
        [">="] = (20, false),
        ["in"] = (20, false),
        ["matches"] = (20, false),
        ["contains"] = (20, false),
        ["startsWith"] = (20, false),
        ["endsWith"] = (20, false),
        [".."] = (25, false),
        ["+"] = (30, false),
        ["-"] = (30, false),
        ["*"] = (60, false),
        ["/"] = (60, false),
        ["%"] = (60, false),
        ["**"] = (100, true),
        ["^"] = (100, true),
        ["??"] = (500, false),
    };

    // E = expression, P = predicate (closure); lower case = optional.
    private static readonly Dictionary<string, string> PredicateShapes = new(StringComparer.Ordinal)
    {
        ["all"] = "EP",
        ["none"] = "EP",
        ["any"] = "EP",
        ["one"] = "EP",
        ["filter"] = "EP",
        ["map"] = "EP",
        ["find"] = "EP",
        ["findIndex"] = "EP",
        ["findLast"] = "EP",
        ["findLastIndex"] = "EP",
        ["groupBy"] = "EP",
        ["count"] = "Ep",
        ["sum"] = "Ep",
        ["sortBy"] = "Epe",
        ["reduce"] = "EPe",
    };

    public static bool TryBinary(string op, out int precedence, out bool rightAssociative)
    {
        if (BinaryTable.TryGetValue(op, out var entry))
        {
            (precedence, rightAssociative) = entry;
            return true;
        }

        precedence = 0;
        rightAssociative = false;
        return false;
    }

    public static bool IsComparison(string op) => op is "<" or ">" or "<=" or ">=";

    public static bool IsNegatable(string op) => op is "in" or "matches" or "contains" or "startsWith" or "endsWith";

    public static bool TryPredicateShape(string name, out string shape) => PredicateShapes.TryGetValue(name, out shape!);
}
