using System.Text.Json.Nodes;

namespace Dray.Core.Expressions.Kargo;

/// <summary>
/// Builds the environments Kargo evaluates expressions in (§4.2): which variables each site sees, plus the
/// Kargo functions over the engine's <see cref="IKargoExpressionContext"/>.
/// </summary>
public static class KargoEnvironments
{
    /// <summary>Promotion-level vars: <c>ctx</c> and the vars defined before; no <c>outputs</c>.</summary>
    public static ExpressionEnvironment ForPromotionVars(
        ExpressionEnvironment baseEnvironment, PromotionContextData promotion, IKargoExpressionContext context, JsonObject? vars) =>
        Base(baseEnvironment, context)
            .WithVariable("ctx", ContextMap(promotion))
            .WithVariable("vars", vars ?? new JsonObject());

    /// <summary>A step's vars, <c>config</c> and <c>if</c>: ctx, vars, outputs and, inside a task, task.outputs.</summary>
    public static ExpressionEnvironment ForPromotionStep(
        ExpressionEnvironment baseEnvironment,
        PromotionContextData promotion,
        IKargoExpressionContext context,
        JsonObject? vars,
        JsonObject? outputs,
        JsonObject? taskOutputs = null)
    {
        var env = ForPromotionVars(baseEnvironment, promotion, context, vars)
            .WithVariable("outputs", outputs ?? new JsonObject());
        return taskOutputs is null ? env : env.WithVariable("task", new JsonObject { ["outputs"] = taskOutputs.DeepClone() });
    }

    /// <summary>Verification args: ctx.project, ctx.stage and the Stage's vars; no outputs, no step statuses.</summary>
    public static ExpressionEnvironment ForVerification(
        ExpressionEnvironment baseEnvironment, string project, string stage, IKargoExpressionContext context, JsonObject? vars) =>
        Base(baseEnvironment, context)
            .WithVariable("ctx", new JsonObject { ["project"] = project, ["stage"] = stage })
            .WithVariable("vars", vars ?? new JsonObject());

    /// <summary>
    /// Evaluates var definitions in order; each sees the vars before it through <c>vars</c>. The environment
    /// passed in is rebuilt by <paramref name="environmentFor"/> with the vars so far.
    /// </summary>
    public static JsonObject EvaluateVars(
        IEnumerable<KeyValuePair<string, string>> definitions,
        Func<JsonObject, ExpressionEnvironment> environmentFor,
        JsonObject? inherited = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(environmentFor);
        var vars = (JsonObject?)inherited?.DeepClone() ?? new JsonObject();
        foreach (var (name, template) in definitions)
        {
            vars[name] = ExpressionTemplate.EvaluateString(template, environmentFor((JsonObject)vars.DeepClone()));
        }

        return vars;
    }

    /// <summary>The <c>ctx</c> map: names, target Freight, actor, rollback flag and step alias.</summary>
    public static JsonObject ContextMap(PromotionContextData promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var ctx = new JsonObject
        {
            ["project"] = promotion.Project,
            ["stage"] = promotion.Stage,
            ["promotion"] = promotion.Promotion,
            ["targetFreight"] = new JsonObject
            {
                ["name"] = promotion.TargetFreightName ?? "",
                ["alias"] = promotion.TargetFreightAlias ?? "",
                ["origin"] = new JsonObject { ["name"] = promotion.TargetFreightOrigin ?? "" },
            },
            ["meta"] = new JsonObject
            {
                ["promotion"] = new JsonObject { ["actor"] = promotion.Actor ?? "", ["rollback"] = promotion.Rollback },
                ["step"] = new JsonObject { ["alias"] = promotion.StepAlias ?? "" },
            },
        };
        if (promotion.UiBaseUrl is not null)
        {
            ctx["uiBaseUrl"] = promotion.UiBaseUrl;
        }

        return ctx;
    }

    private static ExpressionEnvironment Base(ExpressionEnvironment baseEnvironment, IKargoExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(baseEnvironment);
        return baseEnvironment.WithKargoFunctions(context);
    }
}
