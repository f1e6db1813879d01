using Dray.Core.Model.Analysis;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Tests.Expressions;
using Dray.Core.Tests.Stages;
using Dray.Core.Verification;

namespace Dray.Core.Tests.Verification;

public sealed class AnalysisRunBuilderTests
{
    private static readonly Ulid Id = Ulid.Parse("01JZZZZZZZZZZZZZZZZZZZZZZZ");

    private static AnalysisTemplate Template(string name, IReadOnlyList<Argument> args, params Metric[] metrics) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p" },
        Spec = new AnalysisTemplateSpec { Args = args, Metrics = metrics },
    };

    private static readonly AnalysisTemplate Web = Template(
        "smoke",
        [new Argument { Name = "host" }, new Argument { Name = "path", Value = "/healthz" }],
        new Metric
        {
            Name = "smoke",
            Count = "{{ args.count }}",
            SuccessCondition = "result == \"ok\"",
            Provider = new MetricProvider { Web = new WebMetric { Url = "http://{{ args.host }}{{args.path}}", JsonPath = "{$.status}" } },
        });

    private static readonly AnalysisTemplate Prometheus = Template(
        "errors",
        [new Argument { Name = "count", Value = "2" }],
        new Metric
        {
            Name = "errors",
            SuccessCondition = "result[0] < 0.05",
            Provider = new MetricProvider { Prometheus = new PrometheusMetric { Address = "http://prom", Query = "rate(errors{app=\"{{ args.host }}\"}[1m])" } },
        });

    private static Stage Stage(IReadOnlyList<AnalysisRunArgument> args, params string[] templates)
    {
        var stage = StageFixtures.Stage("uat", StageFixtures.From("dev"));
        return stage with
        {
            Spec = stage.Spec with
            {
                Vars = [new ExpressionVariable { Name = "domain", Value = "example.test" }],
                Verification = new Dray.Core.Model.Stages.Verification
                {
                    AnalysisTemplates = templates.Select(t => new AnalysisTemplateReference { Name = t }).ToList(),
                    Args = args,
                    AnalysisRunMetadata = new AnalysisRunMetadata
                    {
                        Labels = new Dictionary<string, string> { ["team"] = "a" },
                        Annotations = new Dictionary<string, string> { ["note"] = "x" },
                    },
                },
            },
        };
    }

    private static AnalysisRunBuild Build(Stage stage, params AnalysisTemplate[] templates) => AnalysisRunBuilder.Build(new AnalysisRunRequest
    {
        Project = "p",
        Stage = stage,
        Templates = templates,
        FreightCollection = StageFixtures.Collection("abcdef0123456789", "f1"),
        Freight = [StageFixtures.Freight("f1")],
        PromotionName = "uat.01j.abc",
        Id = Id,
        Context = new TestKargoContext(),
    });

    [Fact]
    public void Merges_templates_evaluates_args_and_fills_placeholders()
    {
        var stage = Stage([new AnalysisRunArgument { Name = "host", Value = "${{ ctx.stage }}.${{ vars.domain }}" }], "smoke", "errors");

        var build = Build(stage, Web, Prometheus);

        build.Errors.ShouldBeEmpty();
        var run = build.Run!;
        run.Metadata.Name.ShouldBe("uat.01jzzzzzzzzzzzzzzzzzzzzzzz.abcdef0");
        run.Metadata.Namespace.ShouldBe("p");
        run.Metadata.Labels.ShouldBe(new Dictionary<string, string>
        {
            ["team"] = "a",
            [KargoLabels.Stage] = "uat",
            [KargoLabels.FreightCollection] = "abcdef0123456789",
        }, ignoreOrder: true);
        run.Metadata.Annotations.ShouldBe(new Dictionary<string, string> { ["note"] = "x", [KargoAnnotations.Promotion] = "uat.01j.abc" }, ignoreOrder: true);
        run.Metadata.OwnerReferences!.ShouldHaveSingleItem().Name.ShouldBe("f1");
        run.Spec.Metrics.Select(m => m.Name).ShouldBe(["smoke", "errors"]);
        run.Spec.Metrics[0].Provider.Web!.Url.ShouldBe("http://uat.example.test/healthz");
        run.Spec.Metrics[0].Count.ShouldBe(new IntOrString("2"));
        run.Spec.Metrics[1].Provider.Prometheus!.Query.ShouldBe("rate(errors{app=\"uat.example.test\"}[1m])");
        run.Spec.Args!.Select(a => (a.Name, a.Value)).ShouldBe([("host", "uat.example.test"), ("path", "/healthz"), ("count", "2")]);
    }

    [Fact]
    public void Stage_args_must_be_declared_by_a_template()
    {
        var stage = Stage([new AnalysisRunArgument { Name = "host", Value = "h" }, new AnalysisRunArgument { Name = "typo", Value = "1" }], "smoke", "errors");

        Build(stage, Web, Prometheus).Errors.ShouldBe(["argument \"typo\" is not declared by any of the Stage's AnalysisTemplates"]);
    }

    [Fact]
    public void Args_without_a_value_and_missing_templates_are_reported()
    {
        Build(Stage([], "smoke", "gone"), Web).Errors.ShouldBe(
        [
            "AnalysisTemplate \"gone\" not found",
            "argument \"host\" has no value",
            "argument \"count\" is used but has no value",
            "argument \"host\" is used but has no value",
        ]);
    }

    [Fact]
    public void Expression_errors_in_args_are_reported()
    {
        var stage = Stage([new AnalysisRunArgument { Name = "host", Value = "${{ nope( }}" }], "smoke", "errors");

        Build(stage, Web, Prometheus).Errors.ShouldHaveSingleItem().ShouldStartWith("evaluating verification args:");
    }

    [Fact]
    public void Long_stage_names_are_shortened_in_the_label_and_kept_whole_in_an_annotation()
    {
        var name = new string('s', 80);
        var stage = Stage([new AnalysisRunArgument { Name = "host", Value = "h" }], "smoke", "errors");
        stage = stage with { Metadata = stage.Metadata with { Name = name } };

        var run = Build(stage, Web, Prometheus).Run!;

        run.Metadata.Labels![KargoLabels.Stage].Length.ShouldBeLessThanOrEqualTo(63);
        run.Metadata.Labels[KargoLabels.Stage].ShouldStartWith("sss");
        run.Metadata.Annotations![KargoLabels.Stage].ShouldBe(name);
        AnalysisRunBuilder.StageLabel(name).ShouldNotBe(AnalysisRunBuilder.StageLabel(name + "t"));
    }
}
