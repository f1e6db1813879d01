using Dray.Core.Expressions.Runtime;

namespace Dray.Core.Expressions.Kargo;

/// <summary>Registers Kargo's expression functions (§4.3) over an <see cref="IKargoExpressionContext"/>.</summary>
public static class KargoFunctions
{
    /// <summary>Freight, data, utility and step-status functions, as a promotion step sees them.</summary>
    public static ExpressionEnvironment WithKargoFunctions(this ExpressionEnvironment environment, IKargoExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(context);
        return environment
            .WithFunction("warehouse", a =>
            {
                Exactly("warehouse", a, 1);
                var name = Str(a, 0, "argument");
                return name.Length == 0 ? throw new ExpressionException("name must not be empty") : FreightOriginView.Warehouse(name);
            })
            .WithFunction("commitFrom", a =>
            {
                Between("commitFrom", a, 1, 2);
                return FreightArtifactFinder.FindCommit(context, Str(a, 0, "first argument"), a.Count == 2 ? Origin(a, 1, "second") : null);
            })
            .WithFunction("imageFrom", a =>
            {
                Between("imageFrom", a, 1, 2);
                return FreightArtifactFinder.FindImage(context, Str(a, 0, "first argument"), a.Count == 2 ? Origin(a, 1, "second") : null);
            })
            .WithFunction("chartFrom", a => ChartFrom(context, a))
            .WithFunction("artifactFrom", a =>
            {
                Between("artifactFrom", a, 1, 2);
                return FreightArtifactFinder.FindArtifact(context, Str(a, 0, "first argument"), a.Count == 2 ? Origin(a, 1, "second") : null);
            })
            .WithFunction("freightMetadata", a =>
            {
                Exactly("freightMetadata", a, 1);
                var name = Str(a, 0, "first argument");
                return name.Length == 0
                    ? throw new ExpressionException("freight ref name must not be empty")
                    : ExpressionValues.FromJson(context.GetFreightMetadata(name));
            })
            .WithFunction("stageMetadata", a =>
            {
                Exactly("stageMetadata", a, 1);
                var name = Str(a, 0, "argument");
                return name.Length == 0
                    ? throw new ExpressionException("stage name must not be empty")
                    : ExpressionValues.FromJson(context.GetStageMetadata(name));
            })
            .WithFunction("configMap", a =>
            {
                Exactly("configMap", a, 1);
                return ExpressionValues.FromClr(context.GetConfigMap(Str(a, 0, "argument")));
            })
            .WithFunction("secret", a =>
            {
                Exactly("secret", a, 1);
                return ExpressionValues.FromClr(context.GetSecret(Str(a, 0, "argument")));
            })
            .WithFunction("always", a => { Exactly("always", a, 0); return true; })
            .WithFunction("failure", a => { Exactly("failure", a, 0); return context.StepStatuses.Any(s => s.IsFailure); })
            .WithFunction("success", a => { Exactly("success", a, 0); return !context.StepStatuses.Any(s => s.IsFailure); })
            .WithFunction("status", a => Status(context, a))
            .WithSemverFunctions();
    }

    /// <summary><c>semverParse</c> and <c>semverDiff</c>, available everywhere.</summary>
    public static ExpressionEnvironment WithSemverFunctions(this ExpressionEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment
            .WithFunction("semverParse", a =>
            {
                Exactly("semverParse", a, 1);
                var text = Str(a, 0, "argument");
                return SemverView.TryParse(text) ?? throw new ExpressionException($"invalid semantic version: {text}");
            })
            .WithFunction("semverDiff", a =>
            {
                Exactly("semverDiff", a, 2);
                var left = SemverView.TryParse(Str(a, 0, "first argument"));
                var right = SemverView.TryParse(Str(a, 1, "second argument"));
                return (left, right) switch
                {
                    (null, _) or (_, null) => "Incomparable",
                    _ when left.Major != right.Major => "Major",
                    _ when left.Minor != right.Minor => "Minor",
                    _ when left.Patch != right.Patch => "Patch",
                    _ when left.Metadata != right.Metadata => "Metadata",
                    _ => "None",
                };
            });
    }

    private static ChartView? ChartFrom(IKargoExpressionContext context, IReadOnlyList<object?> a)
    {
        Between("chartFrom", a, 1, 3);
        var repoURL = Str(a, 0, "first argument");
        var chartName = "";
        FreightOriginView? origin = null;
        if (a.Count >= 2)
        {
            switch (a[1])
            {
                case string name:
                    chartName = name;
                    break;
                case FreightOriginView o:
                    origin = o;
                    break;
                default:
                    throw new ExpressionException($"second argument must be string or FreightOrigin, got {ExpressionValues.TypeName(a[1])}");
            }
        }

        if (a.Count == 3)
        {
            if (chartName.Length == 0)
            {
                throw new ExpressionException($"when using three arguments, second argument must be string, got {ExpressionValues.TypeName(a[1])}");
            }

            origin = Origin(a, 2, "third");
        }

        return FreightArtifactFinder.FindChart(context, repoURL, chartName, origin);
    }

    // An alias inside a task ("task::alias") sees the task's other steps by their short alias.
    private static string Status(IKargoExpressionContext context, IReadOnlyList<object?> a)
    {
        Exactly("status", a, 1);
        var alias = Str(a, 0, "argument");
        if (alias.Length == 0)
        {
            throw new ExpressionException("argument must not be empty");
        }

        var currentNamespace = Namespace(context.CurrentStepAlias, out _);
        foreach (var step in context.StepStatuses)
        {
            var stepNamespace = Namespace(step.Alias, out var shortAlias);
            if (stepNamespace == currentNamespace && shortAlias == alias)
            {
                return step.Status;
            }
        }

        return "";
    }

    private static string Namespace(string alias, out string shortAlias)
    {
        var parts = alias.Split("::");
        shortAlias = parts.Length == 2 ? parts[1] : alias;
        return parts.Length == 2 ? parts[0] : "";
    }

    private static void Exactly(string name, IReadOnlyList<object?> a, int count)
    {
        if (a.Count != count)
        {
            throw new ExpressionException($"{name}: expected {count} argument{(count == 1 ? "" : "s")}, got {a.Count}");
        }
    }

    private static void Between(string name, IReadOnlyList<object?> a, int min, int max)
    {
        if (a.Count < min || a.Count > max)
        {
            throw new ExpressionException($"{name}: expected {min}-{max} arguments, got {a.Count}");
        }
    }

    private static string Str(IReadOnlyList<object?> a, int index, string what) =>
        a[index] as string ?? throw new ExpressionException($"{what} must be string, got {ExpressionValues.TypeName(a[index])}");

    private static FreightOriginView Origin(IReadOnlyList<object?> a, int index, string ordinal) =>
        a[index] as FreightOriginView ?? throw new ExpressionException($"{ordinal} argument must be FreightOrigin, got {ExpressionValues.TypeName(a[index])}");
}
