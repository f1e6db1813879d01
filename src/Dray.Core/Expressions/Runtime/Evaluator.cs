using System.Text.RegularExpressions;
using Dray.Core.Expressions.Syntax;

namespace Dray.Core.Expressions.Runtime;

/// <summary>Walks a syntax tree and computes its value, charging every step against the budget.</summary>
internal sealed class Evaluator
{
    private static readonly object ShortCircuit = new();

    private readonly string _text;
    private readonly ExpressionEnvironment _env;
    private readonly List<PredicateFrame> _frames = [];
    private readonly RegexMatcher _regexes;
    private LetScope? _scope;
    private long _steps;

    public Evaluator(string text, ExpressionEnvironment env)
    {
        _text = text;
        _env = env;
        _regexes = new RegexMatcher(env.Limits.RegexTimeout);
    }

    public ExpressionEnvironment Environment => _env;

    public object? Run(Node root)
    {
        try
        {
            return Eval(root);
        }
        catch (ExpressionException ex) when (ex.Expression is null)
        {
            throw ex.Locate(_text, root.Position);
        }
    }

    /// <summary>Charges work done outside node evaluation (elements produced, characters built).</summary>
    public void Charge(long steps)
    {
        var limit = _env.Limits.MaxSteps;
        _steps = steps > limit - _steps ? limit + 1 : _steps + Math.Max(steps, 0);
        if (_steps > limit)
        {
            throw new ExpressionException($"evaluation exceeded the budget of {_env.Limits.MaxSteps} steps");
        }
    }

    public object? Eval(Node node)
    {
        Charge(1);
        try
        {
            return node switch
            {
                LiteralNode literal => literal.Value,
                IdentifierNode identifier => Lookup(identifier.Name),
                PointerNode pointer => Pointer(pointer),
                GroupNode group => Eval(group.Inner),
                MemberNode or SliceNode or InvokeNode => EvalChain(node) is var result && result == ShortCircuit ? null : result,
                UnaryNode unary => Unary(unary),
                BinaryNode binary => Binary(binary),
                ConditionalNode conditional => Conditional(conditional),
                ArrayNode array => Array(array),
                MapNode map => Map(map),
                CallNode call => Call(call),
                LetNode let => Let(let),
                SequenceNode sequence => Sequence(sequence),
                _ => throw new ExpressionException("a predicate can only be an argument of a builtin such as filter or map"),
            };
        }
        catch (ExpressionException ex) when (ex.Expression is null)
        {
            throw ex.Locate(_text, node.Position);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ExpressionException("regular expression match timed out", _text, node.Position + 1, ex);
        }
    }

    public object? CallPredicate(PredicateNode predicate, object? item, long index, object? accumulator = null)
    {
        _frames.Add(new PredicateFrame(item, index, accumulator));
        try
        {
            return Eval(predicate.Body);
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    public static bool ToBool(object? value, string context) =>
        value is bool b ? b : throw new ExpressionException($"{context} must be bool, got {ExpressionValues.TypeName(value)}");

    private object? Lookup(string name)
    {
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            if (string.Equals(scope.Name, name, StringComparison.Ordinal))
            {
                return scope.Value;
            }
        }

        if (name == "$env")
        {
            return new ExpressionMap(_env.Variables);
        }

        // Kargo compiles without a typed environment, so an unknown name is nil rather than an error.
        return _env.Variables.TryGetValue(name, out var value) ? value
            : _env.Functions.TryGetValue(name, out var function) ? function
            : null;
    }

    private object? Pointer(PointerNode pointer)
    {
        if (_frames.Count == 0)
        {
            throw new ExpressionException("# can only be used inside a predicate");
        }

        var frame = _frames[^1];
        return pointer.Name switch
        {
            "" => frame.Item,
            "index" => frame.Index,
            "acc" => frame.Accumulator,
            _ => throw new ExpressionException($"unknown pointer #{pointer.Name}"),
        };
    }

    // Returns ShortCircuit when an optional access (?.) met nil, so the rest of the chain is skipped.
    private object? EvalChain(Node node)
    {
        switch (node)
        {
            case MemberNode member:
            {
                var target = EvalLink(member.Target);
                if (target == ShortCircuit || (target is null && member.Optional))
                {
                    return ShortCircuit;
                }

                return Members.Fetch(target, Eval(member.Property));
            }

            case SliceNode slice:
            {
                var target = EvalLink(slice.Target);
                if (target == ShortCircuit)
                {
                    return ShortCircuit;
                }

                var from = slice.From is null ? null : Eval(slice.From);
                var to = slice.To is null ? null : Eval(slice.To);
                return Members.Slice(target, from, to, this);
            }

            case InvokeNode invoke:
            {
                var target = EvalLink(invoke.Callee.Target);
                if (target == ShortCircuit || (target is null && invoke.Callee.Optional))
                {
                    return ShortCircuit;
                }

                var method = Members.Fetch(target, Eval(invoke.Callee.Property));
                if (method is not ExpressionFunction function)
                {
                    var methodName = invoke.Callee.Property is LiteralNode { Value: string n } ? n : "value";
                    throw new ExpressionException($"{methodName} is not a method of {ExpressionValues.TypeName(target)}");
                }

                return function.Invoke(EvalArguments(invoke.Arguments));
            }

            default:
                return Eval(node);
        }
    }

    private object? EvalLink(Node node)
    {
        if (node is MemberNode or SliceNode or InvokeNode)
        {
            Charge(1);
            try
            {
                return EvalChain(node);
            }
            catch (ExpressionException ex) when (ex.Expression is null)
            {
                throw ex.Locate(_text, node.Position);
            }
        }

        return Eval(node);
    }

    private object? Unary(UnaryNode unary)
    {
        var operand = Eval(unary.Operand);
        return unary.Operator switch
        {
            "not" => !ToBool(operand, "operand of not"),
            "-" => Arithmetic.Negate(operand),
            _ => Arithmetic.Plus(operand),
        };
    }

    private object? Binary(BinaryNode binary)
    {
        switch (binary.Operator)
        {
            case "and" or "&&":
                return ToBool(Eval(binary.Left), "left operand of " + binary.Operator) &&
                       ToBool(Eval(binary.Right), "right operand of " + binary.Operator);
            case "or" or "||":
                return ToBool(Eval(binary.Left), "left operand of " + binary.Operator) ||
                       ToBool(Eval(binary.Right), "right operand of " + binary.Operator);
            case "??":
                return Eval(binary.Left) ?? Eval(binary.Right);
        }

        var left = Eval(binary.Left);
        var right = Eval(binary.Right);
        switch (binary.Operator)
        {
            case "matches":
                Charge((left as string)?.Length / 16 ?? 0);
                return _regexes.IsMatch(left, right);
            case "..":
                return Arithmetic.Range(left, right, Charge);
            default:
                var result = Arithmetic.Apply(binary.Operator, left, right);
                if (result is string s)
                {
                    Charge(s.Length / 16);
                }
                else if (result is List<object?> list)
                {
                    Charge(list.Count);
                }

                return result;
        }
    }

    private object? Conditional(ConditionalNode conditional)
    {
        var condition = Eval(conditional.Condition);
        if (ReferenceEquals(conditional.WhenTrue, conditional.Condition))
        {
            // Elvis: a ?: b yields a unless it is nil or false.
            return condition is null or false ? Eval(conditional.WhenFalse) : condition;
        }

        return ToBool(condition, "condition of ?:") ? Eval(conditional.WhenTrue) : Eval(conditional.WhenFalse);
    }

    private List<object?> Array(ArrayNode array)
    {
        var list = new List<object?>(array.Items.Count);
        foreach (var item in array.Items)
        {
            list.Add(Eval(item));
        }

        return list;
    }

    private ExpressionMap Map(MapNode mapNode)
    {
        var map = new ExpressionMap();
        for (var i = 0; i + 1 < mapNode.Entries.Count; i += 2)
        {
            var key = Eval(mapNode.Entries[i]) switch
            {
                string s => s,
                var k when k is long or double or bool => ExpressionValues.ToDisplayString(k),
                var k => throw new ExpressionException($"a map key must be a string, got {ExpressionValues.TypeName(k)}"),
            };
            map[key] = Eval(mapNode.Entries[i + 1]);
        }

        return map;
    }

    private object? Call(CallNode call)
    {
        if (Operators.TryPredicateShape(call.Name, out _))
        {
            return PredicateBuiltins.Invoke(this, call);
        }

        if (_env.Functions.TryGetValue(call.Name, out var function))
        {
            return function.Invoke(EvalArguments(call.Arguments));
        }

        if (Builtins.TryGet(call.Name, out var builtin))
        {
            return builtin(this, EvalArguments(call.Arguments));
        }

        if (Lookup(call.Name) is ExpressionFunction variable)
        {
            return variable.Invoke(EvalArguments(call.Arguments));
        }

        throw new ExpressionException($"unknown func {call.Name}");
    }

    private List<object?> EvalArguments(IReadOnlyList<Node> arguments)
    {
        var values = new List<object?>(arguments.Count);
        foreach (var argument in arguments)
        {
            values.Add(argument is PredicateNode ? throw new ExpressionException("unexpected predicate argument") : Eval(argument));
        }

        return values;
    }

    private object? Let(LetNode let)
    {
        var value = Eval(let.Value);
        var saved = _scope;
        _scope = new LetScope(let.Name, value, saved);
        try
        {
            return Eval(let.Body);
        }
        finally
        {
            _scope = saved;
        }
    }

    private object? Sequence(SequenceNode sequence)
    {
        object? last = null;
        foreach (var part in sequence.Parts)
        {
            last = Eval(part);
        }

        return last;
    }

    private sealed record LetScope(string Name, object? Value, LetScope? Parent);

    private readonly record struct PredicateFrame(object? Item, long Index, object? Accumulator);
}
