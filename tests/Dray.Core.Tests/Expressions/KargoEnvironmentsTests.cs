using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;

namespace Dray.Core.Tests.Expressions;

/// <summary>The variables each Kargo expression site sees (kargo-features.md §4.2) and a whole step config.</summary>
public sealed class KargoEnvironmentsTests
{
    private static readonly PromotionContextData Promotion = new(
        Project: "kargo-demo",
        Stage: "test",
        Promotion: "test.01j2.abcdef",
        TargetFreightName: "f3a1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3",
        TargetFreightAlias: "wonky-wombat",
        TargetFreightOrigin: "kargo-demo",
        Actor: "admin",
        StepAlias: "update-image");

    [Fact]
    public void Step_config_template_sees_ctx_vars_outputs_and_freight_functions()
    {
        var context = TestKargoContext.Quickstart();
        var vars = KargoEnvironments.EvaluateVars(
            [
                KeyValuePair.Create("imageRepo", "public.ecr.aws/nginx/nginx"),
                KeyValuePair.Create("branch", "stage/${{ ctx.stage }}"),
                KeyValuePair.Create("replicas", "${{ 2 }}"),
                KeyValuePair.Create("path", "./env/${{ vars.branch }}"),
            ],
            soFar => KargoEnvironments.ForPromotionVars(ExpressionEnvironment.Empty, Promotion, context, soFar));
        Expr.Json(vars).ShouldBe("""{"imageRepo":"public.ecr.aws/nginx/nginx","branch":"stage/test","replicas":2,"path":"./env/stage/test"}""");

        var outputs = JsonNode.Parse("""{"commit": {"commit": "9f8e7d"}, "open-pr": {"pr": {"id": 42, "url": "https://example.com/pr/42"}}}""")!.AsObject();
        var env = KargoEnvironments.ForPromotionStep(ExpressionEnvironment.Empty, Promotion, context, vars, outputs);
        var config = JsonNode.Parse("""
            {
              "path": "${{ vars.path }}",
              "images": [{"image": "${{ vars.imageRepo }}", "tag": "${{ imageFrom(vars.imageRepo).Tag }}"}],
              "replicas": "${{ vars.replicas + 1 }}",
              "message": "Promote ${{ ctx.targetFreight.alias }} to ${{ ctx.stage }} (${{ outputs.commit.commit }})",
              "prNumber": "${{ outputs['open-pr'].pr.id }}",
              "rollback": "${{ ctx.meta.promotion.rollback }}",
              "actor": "${{ quote(ctx.meta.promotion.actor) }}",
              "sha": "${{ commitFrom('https://github.com/example/kargo-demo').ID }}",
              "unchanged": "42"
            }
            """);
        Expr.Json(ExpressionTemplate.Evaluate(config, env)).ShouldBe(
            """{"path":"./env/stage/test","images":[{"image":"public.ecr.aws/nginx/nginx","tag":"1.27.0"}],"replicas":3,"message":"Promote wonky-wombat to test (9f8e7d)","prNumber":42,"rollback":false,"actor":"admin","sha":"1234abcd","unchanged":"42"}""");
    }

    [Fact]
    public void Promotion_level_vars_do_not_see_outputs_but_step_level_ones_do()
    {
        var context = TestKargoContext.Quickstart();
        var outputs = new JsonObject { ["build"] = new JsonObject { ["version"] = "1.2.3" } };
        var promotionEnv = KargoEnvironments.ForPromotionVars(ExpressionEnvironment.Empty, Promotion, context, null);
        ExpressionTemplate.EvaluateString("${{ outputs?.build?.version ?? 'none' }}", promotionEnv)!.GetValue<string>().ShouldBe("none");

        var stepEnv = KargoEnvironments.ForPromotionStep(ExpressionEnvironment.Empty, Promotion, context, null, outputs);
        ExpressionTemplate.EvaluateString("${{ outputs.build.version }}", stepEnv)!.GetValue<string>().ShouldBe("1.2.3");
    }

    [Fact]
    public void Task_steps_see_their_siblings_through_task_outputs()
    {
        var taskOutputs = new JsonObject { ["push"] = new JsonObject { ["branch"] = "main" } };
        var env = KargoEnvironments.ForPromotionStep(ExpressionEnvironment.Empty, Promotion, TestKargoContext.Quickstart(), null, null, taskOutputs);
        ExpressionTemplate.EvaluateString("${{ task.outputs.push.branch }}", env)!.GetValue<string>().ShouldBe("main");
    }

    [Fact]
    public void Step_if_condition_is_typed_so_the_engine_can_require_a_bool()
    {
        var context = TestKargoContext.Quickstart();
        context.StepStatuses.Add(new StepStatusData("deploy", "Errored"));
        var env = KargoEnvironments.ForPromotionStep(ExpressionEnvironment.Empty, Promotion, context, null, null);
        ExpressionTemplate.EvaluateString("${{ failure() && status('deploy') == 'Errored' }}", env)!.GetValueKind()
            .ShouldBe(System.Text.Json.JsonValueKind.True);
        ExpressionTemplate.EvaluateString("${{ ctx.stage }}", env)!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public void Verification_args_see_only_project_stage_and_stage_vars()
    {
        var env = KargoEnvironments.ForVerification(
            ExpressionEnvironment.Empty, "kargo-demo", "prod", TestKargoContext.Quickstart(), new JsonObject { ["url"] = "https://prod.example.com" });
        Expr.Json(ExpressionTemplate.EvaluateString("${{ ctx.project }}/${{ ctx.stage }} ${{ vars.url }} ${{ imageFrom('public.ecr.aws/nginx/nginx').Tag }}", env))
            .ShouldBe("\"kargo-demo/prod https://prod.example.com 1.27.0\"");
        Expr.Json(ExpressionTemplate.EvaluateString("${{ ctx.promotion }}", env)).ShouldBe("null");
    }
}
