namespace Dray.Core.Expressions.Runtime;

/// <summary>Array and map builtins (expr-lang "Array Functions", "Map Functions", <c>len</c>, <c>get</c>).</summary>
internal static class CollectionBuiltins
{
    public static void Register(Dictionary<string, BuiltinFunction> table)
    {
        table["len"] = (_, a) =>
        {
            Args.Count("len", a, 1, 1);
            return a[0] switch
            {
                string s => (long)s.EnumerateRunes().Count(),
                IReadOnlyList<object?> list => (long)list.Count,
                ExpressionMap map => (long)map.Count,
                _ => throw Args.Type("len", a, 0, "array, map or string"),
            };
        };
        table["first"] = (_, a) => Ends("first", a, list => list[0]);
        table["last"] = (_, a) => Ends("last", a, list => list[^1]);
        table["get"] = (_, a) =>
        {
            Args.Count("get", a, 2, 2);
            return a[0] switch
            {
                ExpressionMap map => a[1] is string key && map.TryGetValue(key, out var v) ? v : null,
                IReadOnlyList<object?> list when a[1] is long i => i >= -list.Count && i < list.Count ? list[(int)(i < 0 ? list.Count + i : i)] : null,
                IExpressionObject obj => a[1] is string member && obj.TryGetMember(member, out var m) ? m : null,
                _ => null,
            };
        };
        table["take"] = (_, a) =>
        {
            Args.Count("take", a, 2, 2);
            var n = Args.Integer("take", a, 1);
            return Args.List("take", a, 0).Take((int)Math.Clamp(n, 0, int.MaxValue)).ToList();
        };
        table["keys"] = (ev, a) => MapOf(ev, "keys", a).Keys.Cast<object?>().ToList();
        table["values"] = (ev, a) => MapOf(ev, "values", a).Values.ToList();
        table["toPairs"] = (ev, a) => MapOf(ev, "toPairs", a).Select(p => (object?)new List<object?> { p.Key, p.Value }).ToList();
        table["fromPairs"] = (ev, a) =>
        {
            Args.Count("fromPairs", a, 1, 1);
            var map = new ExpressionMap();
            foreach (var pair in Args.List("fromPairs", a, 0))
            {
                if (pair is not IReadOnlyList<object?> { Count: 2 } kv || kv[0] is not string key)
                {
                    throw new ExpressionException("fromPairs: each pair must be [string, value]");
                }

                ev.Charge(1);
                map[key] = kv[1];
            }

            return map;
        };
        table["reverse"] = (ev, a) =>
        {
            Args.Count("reverse", a, 1, 1);
            var list = Args.List("reverse", a, 0);
            ev.Charge(list.Count);
            return list.Reverse().ToList();
        };
        table["uniq"] = (ev, a) =>
        {
            Args.Count("uniq", a, 1, 1);
            var result = new List<object?>();
            foreach (var item in Args.List("uniq", a, 0))
            {
                ev.Charge(result.Count + 1);
                if (!result.Any(r => ExpressionValues.AreEqual(r, item)))
                {
                    result.Add(item);
                }
            }

            return result;
        };
        table["concat"] = (ev, a) =>
        {
            Args.Count("concat", a, 1, int.MaxValue);
            var result = new List<object?>();
            for (var i = 0; i < a.Count; i++)
            {
                var list = Args.List("concat", a, i);
                ev.Charge(list.Count);
                result.AddRange(list);
            }

            return result;
        };
        table["flatten"] = (ev, a) =>
        {
            Args.Count("flatten", a, 1, 1);
            var result = new List<object?>();
            Flatten(ev, Args.List("flatten", a, 0), result, 0);
            return result;
        };
        table["sort"] = (ev, a) =>
        {
            Args.Count("sort", a, 1, 2);
            var list = Args.List("sort", a, 0);
            var descending = a.Count == 2 && Order("sort", a, 1);
            ev.Charge(list.Count);
            return Sorting.SortBy(list, list, descending);
        };
    }

    public static bool Order(string name, IReadOnlyList<object?> a, int index) => Args.String(name, a, index) switch
    {
        "asc" => false,
        "desc" => true,
        var other => throw new ExpressionException($"{name}: unknown order {other}, use asc or desc"),
    };

    private static object? Ends(string name, IReadOnlyList<object?> a, Func<IReadOnlyList<object?>, object?> pick)
    {
        Args.Count(name, a, 1, 1);
        return a[0] switch
        {
            IReadOnlyList<object?> { Count: 0 } => null,
            IReadOnlyList<object?> list => pick(list),
            _ => throw Args.Type(name, a, 0, "array"),
        };
    }

    private static ExpressionMap MapOf(Evaluator ev, string name, IReadOnlyList<object?> a)
    {
        Args.Count(name, a, 1, 1);
        var map = Args.Map(name, a, 0);
        ev.Charge(map.Count);
        return map;
    }

    private static void Flatten(Evaluator ev, IReadOnlyList<object?> list, List<object?> into, int depth)
    {
        if (depth > 100)
        {
            throw new ExpressionException("flatten: array is nested too deeply");
        }

        foreach (var item in list)
        {
            ev.Charge(1);
            if (item is IReadOnlyList<object?> inner)
            {
                Flatten(ev, inner, into, depth + 1);
            }
            else
            {
                into.Add(item);
            }
        }
    }
}
