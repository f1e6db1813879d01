using Dray.Core.Expressions.Syntax;

namespace Dray.Core.Expressions.Runtime;

/// <summary>Builtins whose second argument is a closure over <c>#</c>: filter, map, all, any, reduce...</summary>
internal static class PredicateBuiltins
{
    public static object? Invoke(Evaluator ev, CallNode call)
    {
        var name = call.Name;
        var args = call.Arguments;
        var source = ev.Eval(args[0]);
        var items = source switch
        {
            IReadOnlyList<object?> list => list,
            ExpressionMap map => map.Values.ToList(),
            _ => throw new ExpressionException($"{name}: cannot iterate over {ExpressionValues.TypeName(source)}"),
        };
        var predicate = args.Count > 1 ? args[1] as PredicateNode : null;

        switch (name)
        {
            case "all":
                return Each(ev, items, predicate!, name).All(r => r);
            case "any":
                return Each(ev, items, predicate!, name).Any(r => r);
            case "none":
                return !Each(ev, items, predicate!, name).Any(r => r);
            case "one":
                return Each(ev, items, predicate!, name).Where(r => r).Take(2).Count() == 1;
            case "filter":
                return items.Where((item, i) => Test(ev, predicate!, item, i, name)).ToList();
            case "map":
                return items.Select((item, i) => ev.CallPredicate(predicate!, item, i)).ToList();
            case "find":
                return Find(ev, items, predicate!, name, fromEnd: false) is var (found, _) ? found : null;
            case "findIndex":
                return Find(ev, items, predicate!, name, fromEnd: false)?.Index ?? -1L;
            case "findLast":
                return Find(ev, items, predicate!, name, fromEnd: true) is var (foundLast, _) ? foundLast : null;
            case "findLastIndex":
                return Find(ev, items, predicate!, name, fromEnd: true)?.Index ?? -1L;
            case "count":
                return predicate is null
                    ? items.LongCount(item => Evaluator.ToBool(item, "count element"))
                    : items.Where((item, i) => Test(ev, predicate, item, i, name)).LongCount();
            case "sum":
                var values = predicate is null ? items : items.Select((item, i) => ev.CallPredicate(predicate, item, i)).ToList();
                return values.Aggregate((object?)0L, (acc, v) => v is long or double ? Arithmetic.Apply("+", acc, v) : throw new ExpressionException($"sum: cannot add {ExpressionValues.TypeName(v)}"));
            case "groupBy":
                return GroupBy(ev, items, predicate!);
            case "sortBy":
                var keys = predicate is null ? items : items.Select((item, i) => ev.CallPredicate(predicate, item, i)).ToList();
                var descending = args.Count > 2 && CollectionBuiltins.Order("sortBy", [ev.Eval(args[2])], 0);
                return Sorting.SortBy(items, keys, descending);
            default:
                return Reduce(ev, items, predicate!, args.Count > 2 ? args[2] : null);
        }
    }

    private static IEnumerable<bool> Each(Evaluator ev, IReadOnlyList<object?> items, PredicateNode predicate, string name)
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return Test(ev, predicate, items[i], i, name);
        }
    }

    private static bool Test(Evaluator ev, PredicateNode predicate, object? item, int index, string name) =>
        Evaluator.ToBool(ev.CallPredicate(predicate, item, index), $"predicate of {name}");

    private static (object? Item, long Index)? Find(Evaluator ev, IReadOnlyList<object?> items, PredicateNode predicate, string name, bool fromEnd)
    {
        for (var n = 0; n < items.Count; n++)
        {
            var i = fromEnd ? items.Count - 1 - n : n;
            if (Test(ev, predicate, items[i], i, name))
            {
                return (items[i], i);
            }
        }

        return null;
    }

    private static ExpressionMap GroupBy(Evaluator ev, IReadOnlyList<object?> items, PredicateNode predicate)
    {
        var groups = new ExpressionMap();
        for (var i = 0; i < items.Count; i++)
        {
            var key = ev.CallPredicate(predicate, items[i], i) switch
            {
                string s => s,
                var k => ExpressionValues.ToDisplayString(k),
            };
            if (!groups.TryGetValue(key, out var group))
            {
                group = new List<object?>();
                groups[key] = group;
            }

            ((List<object?>)group!).Add(items[i]);
        }

        return groups;
    }

    private static object? Reduce(Evaluator ev, IReadOnlyList<object?> items, PredicateNode predicate, Node? initial)
    {
        var start = 0;
        object? accumulator;
        if (initial is not null)
        {
            accumulator = ev.Eval(initial);
        }
        else if (items.Count > 0)
        {
            accumulator = items[0];
            start = 1;
        }
        else
        {
            throw new ExpressionException("reduce of empty array with no initial value");
        }

        for (var i = start; i < items.Count; i++)
        {
            accumulator = ev.CallPredicate(predicate, items[i], i, accumulator);
        }

        return accumulator;
    }
}
