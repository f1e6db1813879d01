using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class PipelineGeometryTests
{
    private static readonly StageView[] Stages =
    [
        Stage("dev", ["app"], []),
        Stage("test", [], ["dev"]),
        Stage("prod-east", [], ["test"]),
        Stage("prod-west", [], ["test"]),
    ];

    [Fact]
    public void Columns_follow_layers_and_edges_follow_sources()
    {
        var geometry = PipelineGeometry.Compute(["app"], Stages, nameFilter: null, collapsed: false);

        geometry.Nodes.Select(n => $"{n.Key}@{n.X / (PipelineGeometry.CardWidth + PipelineGeometry.ColumnGap)},{n.Y / (PipelineGeometry.CardHeight + PipelineGeometry.RowGap)}")
            .ShouldBe(["warehouse/app@0,0", "stage/dev@1,0", "stage/test@2,0", "stage/prod-east@3,0", "stage/prod-west@3,1"]);
        geometry.Edges.Select(e => $"{e.From.Name}->{e.To.Name}").ShouldBe(["app->dev", "dev->test", "test->prod-east", "test->prod-west"]);
        geometry.Width.ShouldBe((4 * PipelineGeometry.CardWidth) + (3 * PipelineGeometry.ColumnGap));
        geometry.Height.ShouldBe((2 * PipelineGeometry.CardHeight) + PipelineGeometry.RowGap);
    }

    [Fact]
    public void The_name_filter_hides_stages_and_their_edges_but_keeps_layers()
    {
        var geometry = PipelineGeometry.Compute(["app"], Stages, nameFilter: " PROD ", collapsed: true);

        geometry.Nodes.Select(n => n.Key).ShouldBe(["warehouse/app", "stage/prod-east", "stage/prod-west"]);
        geometry.Nodes.Single(n => n.Name == "prod-east").Layer.ShouldBe(3);
        geometry.Nodes.ShouldAllBe(n => n.Height == PipelineGeometry.CollapsedHeight);
        geometry.Edges.ShouldBeEmpty();
    }

    [Fact]
    public void Edge_path_runs_from_right_edge_to_left_edge()
    {
        var geometry = PipelineGeometry.Compute(["app"], [Stages[0]], nameFilter: null, collapsed: false);

        var mid = PipelineGeometry.CardHeight / 2;
        geometry.Edges.Single().Path.ShouldStartWith($"M {PipelineGeometry.CardWidth} {mid} ");
        geometry.Edges.Single().Path.ShouldEndWith($", {PipelineGeometry.CardWidth + PipelineGeometry.ColumnGap} {mid}");
    }

    private static StageView Stage(string name, string[] warehouses, string[] upstream) =>
        new(name, new PipelineNode(name, warehouses, upstream), null, null, null, null, false);
}
