using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.PromotionTasks;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionTaskTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public async Task InitializeAsync()
    {
        var spec = new PromotionTaskSpec
        {
            Vars = Vars(("image", null), ("tag", "default-tag"), ("env", "task-default")),
            Steps =
            [
                Step("echo", """{"image":"${{ vars.image }}","tag":"${{ vars.tag }}","env":"${{ vars.env }}","own":"${{ vars.own }}"}""", alias: "render", vars: ("own", "inner")),
                Step("echo", """{"seen":"${{ task.outputs.render.image }}"}"""),
            ],
        };
        await _bed.Store.CreateAsync(KargoJson.ToDocument(new PromotionTask { Metadata = new ObjectMeta { Name = "deploy", Namespace = Project }, Spec = spec }), CancellationToken.None);
        await _bed.Store.CreateAsync(KargoJson.ToDocument(new ClusterPromotionTask { Metadata = new ObjectMeta { Name = "shared" }, Spec = spec }), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Task_steps_are_inflated_with_namespaced_aliases_and_ordered_vars()
    {
        var name = await _bed.PromoteAsync(
        [
            TaskStep("deploy", null, ("image", "nginx")),
            Step("echo", """{"fromTask":"${{ outputs['task-1::step-2'].seen }}"}"""),
        ],
            stageVars: Vars(("env", "promotion-env")));

        var stored = await _bed.GetAsync(name);
        stored.Spec.Steps.Select(s => s.As).ShouldBe(["task-1::render", "task-1::step-2", "step-2"]);
        stored.Spec.Steps.ShouldAllBe(s => s.Task == null && s.Uses == "echo");
        stored.Spec.Steps[0].Vars!.Select(v => v.Name).ShouldBe(["tag", "image", "own"]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        var state = promotion.Status.State!.Value;
        var render = state.GetProperty("task-1::render");
        render.GetProperty("image").GetString().ShouldBe("nginx");
        render.GetProperty("tag").GetString().ShouldBe("default-tag");
        render.GetProperty("env").GetString().ShouldBe("promotion-env");
        render.GetProperty("own").GetString().ShouldBe("inner");
        state.GetProperty("task-1::step-2").GetProperty("seen").GetString().ShouldBe("nginx");
        state.GetProperty("step-2").GetProperty("fromTask").GetString().ShouldBe("nginx");
    }

    [Fact]
    public async Task A_cluster_task_with_an_alias_is_inflated_under_that_alias()
    {
        var name = await _bed.PromoteAsync([TaskStep("shared", "app", ("image", "redis")) with { Task = new PromotionTaskReference { Name = "shared", Kind = PromotionTaskKind.ClusterPromotionTask } }]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Spec.Steps.Select(s => s.As).ShouldBe(["app::render", "app::step-2"]);
        promotion.Status!.State!.Value.GetProperty("app::step-2").GetProperty("seen").GetString().ShouldBe("redis");
    }

    [Fact]
    public async Task A_missing_required_task_var_rejects_the_promotion()
    {
        await _bed.SetStageAsync([TaskStep("deploy", null)]);

        var error = await Should.ThrowAsync<PromotionRejectedException>(
            () => _bed.Creator.CreateAsync(Project, StageName, FreightName, "admin", CancellationToken.None));

        error.Message.ShouldContain("requires var \"image\"");
    }

    [Fact]
    public async Task A_required_task_var_may_come_from_the_promotion_vars()
    {
        var name = await _bed.PromoteAsync([TaskStep("deploy", null)], templateVars: Vars(("image", "from-template")));

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.State!.Value.GetProperty("task-1::render").GetProperty("image").GetString().ShouldBe("from-template");
    }

    [Fact]
    public async Task An_unknown_task_rejects_the_promotion()
    {
        await _bed.SetStageAsync([TaskStep("nope", null)]);

        await Should.ThrowAsync<PromotionRejectedException>(
            () => _bed.Creator.CreateAsync(Project, StageName, FreightName, null, CancellationToken.None));
        (await _bed.Store.ListAsync(new Dray.Core.Storage.ListQuery(ResourceKinds.Promotion.Kind, Project), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    private static PromotionStep TaskStep(string task, string? alias, params (string Name, string? Value)[] vars) => new()
    {
        Task = new PromotionTaskReference { Name = task },
        As = alias,
        Vars = vars.Length == 0 ? null : Vars(vars),
    };
}
