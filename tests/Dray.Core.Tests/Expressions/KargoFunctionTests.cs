using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;

namespace Dray.Core.Tests.Expressions;

/// <summary>Kargo's expression functions (kargo-features.md §4.3) against in-memory project data.</summary>
public sealed class KargoFunctionTests
{
    private static ExpressionEnvironment EnvFor(TestKargoContext context) => ExpressionEnvironment.Empty.WithKargoFunctions(context);

    [Theory]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\").Tag", "\"1.27.0\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\").tag", "\"1.27.0\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\").Digest", "\"sha256:abc123\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\").RepoURL", "\"public.ecr.aws/nginx/nginx\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\").Annotations[\"org.opencontainers.image.source\"]", "\"https://github.com/nginx/nginx\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\", warehouse(\"kargo-demo\")).Tag", "\"1.27.0\"")]
    [InlineData("imageFrom(\"docker.io/library/redis\")", "nil")]
    [InlineData("imageFrom(\"docker.io/library/redis\")?.Tag ?? \"latest\"", "\"latest\"")]
    [InlineData("imageFrom(\"public.ecr.aws/nginx/nginx\", warehouse(\"other\"))", "nil")]
    // Git URLs are compared normalised: case, .git suffix and trailing slash do not matter
    [InlineData("commitFrom(\"https://github.com/example/kargo-demo.git\").ID", "\"1234abcd\"")]
    [InlineData("commitFrom(\"https://GitHub.com/example/kargo-demo/\").ID", "\"1234abcd\"")]
    [InlineData("commitFrom(\"https://github.com/example/kargo-demo\").Message", "\"Bump nginx\"")]
    [InlineData("commitFrom(\"https://github.com/example/kargo-demo\").id", "\"1234abcd\"")]
    [InlineData("commitFrom(\"https://github.com/example/other\")", "nil")]
    [InlineData("chartFrom(\"https://charts.example.com\", \"podinfo\").Version", "\"6.7.1\"")]
    [InlineData("chartFrom(\"oci://ghcr.io/example/charts/app\").Version", "\"0.3.0\"")]
    [InlineData("chartFrom(\"https://charts.example.com\", \"podinfo\", warehouse(\"kargo-demo\")).Name", "\"podinfo\"")]
    [InlineData("artifactFrom(\"config-bundle\").Version", "\"v7\"")]
    [InlineData("artifactFrom(\"config-bundle\").Metadata.sha", "\"deadbeef\"")]
    [InlineData("warehouse(\"kargo-demo\")", "FreightOrigin")]
    [InlineData("warehouse(\"kargo-demo\").Name", "\"kargo-demo\"")]
    [InlineData("semverParse(\"v1.2.3-rc.1+build.5\").Major()", "int:1")]
    [InlineData("semverParse(\"1.2\").IncPatch().String()", "\"1.2.1\"")]
    [InlineData("semverParse(\"1.2.3-rc.1\").IncPatch().String()", "\"1.2.3\"")]
    [InlineData("semverParse(\"1.2.3\").IncMinor().String()", "\"1.3.0\"")]
    [InlineData("semverParse(\"1.2.3\").IncMajor().String()", "\"2.0.0\"")]
    [InlineData("semverParse(\"1.2.3-rc.1\").Prerelease()", "\"rc.1\"")]
    [InlineData("semverParse(\"1.2.3-rc.2\").LessThan(semverParse(\"1.2.3\"))", "true")]
    [InlineData("semverParse(\"1.2.3-rc.10\").GreaterThan(semverParse(\"1.2.3-rc.9\"))", "true")]
    [InlineData("semverDiff(\"1.2.3\", \"2.0.0\")", "\"Major\"")]
    [InlineData("semverDiff(\"1.2.3\", \"1.3.0\")", "\"Minor\"")]
    [InlineData("semverDiff(\"1.2.3\", \"v1.2.4\")", "\"Patch\"")]
    [InlineData("semverDiff(\"1.2.3+a\", \"1.2.3+b\")", "\"Metadata\"")]
    [InlineData("semverDiff(\"1.2.3\", \"1.2.3\")", "\"None\"")]
    [InlineData("semverDiff(\"1.2.3\", \"latest\")", "\"Incomparable\"")]
    [InlineData("secret(\"db\").password", "\"hunter2\"")]
    [InlineData("secret(\"missing\")", "{}")]
    [InlineData("configMap(\"settings\").region", "\"eu-west-1\"")]
    [InlineData("freightMetadata(\"f1\").approvedBy", "\"alice\"")]
    [InlineData("freightMetadata(\"nope\")", "nil")]
    [InlineData("stageMetadata(\"prod\").window.open", "true")]
    public void Kargo_function_resolves_against_the_project_data(string expression, string expected)
    {
        var context = TestKargoContext.Quickstart();
        context.Secrets["db"] = new Dictionary<string, string> { ["password"] = "hunter2" };
        context.ConfigMaps["settings"] = new Dictionary<string, string> { ["region"] = "eu-west-1" };
        context.FreightMetadata["f1"] = new JsonObject { ["approvedBy"] = "alice" };
        context.StageMetadata["prod"] = new JsonObject { ["window"] = new JsonObject { ["open"] = true } };
        Expr.Typed(expression, EnvFor(context)).ShouldBe(expected);
    }

    [Fact]
    public void Artifact_served_by_two_requested_origins_is_ambiguous_unless_an_origin_is_given()
    {
        var context = TestKargoContext.Quickstart();
        context.Warehouses["second"] = new WarehouseSubscriptionData(
            ["https://github.com/example/kargo-demo"], ["public.ecr.aws/nginx/nginx"], [new ChartSubscriptionData("https://charts.example.com", "podinfo")]);
        context.RequestedOrigins.Add(FreightOriginView.Warehouse("second"));
        context.Freight.Add(new FreightReferenceData(
            "f2", FreightOriginView.Warehouse("second"), [], [new ImageView("public.ecr.aws/nginx/nginx", "1.28.0")], []));
        var env = EnvFor(context);

        Expr.Fails("imageFrom(\"public.ecr.aws/nginx/nginx\").Tag", env).Reason
            .ShouldBe("multiple requested Freight could potentially provide a container image from repository public.ecr.aws/nginx/nginx: please provide a Freight origin to disambiguate");
        Expr.Fails("commitFrom(\"https://github.com/example/kargo-demo.git\")", env).Reason
            .ShouldBe("multiple requested Freight could potentially provide a commit from repo https://github.com/example/kargo-demo; please update promotion steps to disambiguate");
        Expr.Fails("chartFrom(\"https://charts.example.com\", \"podinfo\")", env).Reason
            .ShouldStartWith("multiple requested Freight could potentially provide a chart");
        Expr.Typed("imageFrom(\"public.ecr.aws/nginx/nginx\", warehouse(\"second\")).Tag", env).ShouldBe("\"1.28.0\"");
        Expr.Typed("imageFrom(\"public.ecr.aws/nginx/nginx\", warehouse(\"kargo-demo\")).Tag", env).ShouldBe("\"1.27.0\"");
    }

    [Theory]
    [InlineData("warehouse(\"\")", "name must not be empty")]
    [InlineData("warehouse(1)", "argument must be string, got int")]
    [InlineData("imageFrom()", "imageFrom: expected 1-2 arguments, got 0")]
    [InlineData("imageFrom(\"x\", \"y\")", "second argument must be FreightOrigin, got string")]
    [InlineData("chartFrom(\"https://charts.example.com\", \"nope\")", "chart \"nope\" from repo https://charts.example.com not found in referenced Freight")]
    [InlineData("chartFrom(\"https://other.example.com\")", "chart from repo https://other.example.com not found in referenced Freight")]
    [InlineData("chartFrom(\"x\", warehouse(\"a\"), warehouse(\"b\"))", "when using three arguments, second argument must be string, got FreightOrigin")]
    [InlineData("semverParse(\"banana\")", "invalid semantic version: banana")]
    [InlineData("status(\"\")", "argument must not be empty")]
    [InlineData("freightMetadata(\"\")", "freight ref name must not be empty")]
    [InlineData("success(1)", "success: expected 0 arguments, got 1")]
    public void Kargo_function_misuse_is_an_expression_error(string expression, string reason) =>
        Expr.Fails(expression, EnvFor(TestKargoContext.Quickstart())).Reason.ShouldBe(reason);

    [Fact]
    public void Missing_requested_warehouse_is_an_error()
    {
        var context = TestKargoContext.Quickstart();
        context.RequestedOrigins.Add(FreightOriginView.Warehouse("deleted"));
        Expr.Fails("imageFrom(\"public.ecr.aws/nginx/nginx\")", EnvFor(context)).Reason.ShouldBe("Warehouse \"deleted\" not found");
    }

    [Fact]
    public void Step_status_functions_ignore_continue_on_error_steps_and_resolve_task_aliases()
    {
        var context = TestKargoContext.Quickstart();
        var env = EnvFor(context);
        Expr.Typed("[success(), failure(), always()]", env).ShouldBe("[true, false, true]");

        context.StepStatuses.Add(new StepStatusData("clone", "Succeeded"));
        context.StepStatuses.Add(new StepStatusData("smoke", "Failed", ContinueOnError: true));
        Expr.Typed("[success(), failure(), status(\"smoke\")]", env).ShouldBe("[true, false, \"Failed\"]");

        context.StepStatuses.Add(new StepStatusData("deploy::push", "Errored"));
        context.StepStatuses.Add(new StepStatusData("deploy::commit", "Succeeded"));
        Expr.Typed("[success(), failure()]", env).ShouldBe("[false, true]");
        Expr.Typed("[status(\"push\"), status(\"clone\"), status(\"unknown\")]", env).ShouldBe("[\"\", \"Succeeded\", \"\"]");

        context.CurrentStepAlias = "deploy::verify";
        Expr.Typed("[status(\"push\"), status(\"commit\"), status(\"clone\")]", env).ShouldBe("[\"Errored\", \"Succeeded\", \"\"]");
    }

    [Fact]
    public void Kargo_records_marshal_with_their_json_names()
    {
        var env = EnvFor(TestKargoContext.Quickstart());
        Expr.Typed("toJSON(commitFrom(\"https://github.com/example/kargo-demo\"))", env)
            .ShouldBe("\"{\n  \"repoURL\": \"https://github.com/example/kargo-demo.git\",\n  \"id\": \"1234abcd\",\n  \"branch\": \"main\",\n  \"message\": \"Bump nginx\"\n}\"");
        Expr.Typed("toJSON(semverParse(\"v1.2\"))", env).ShouldBe("\"\"1.2.0\"\"");
        Expr.Typed("string(warehouse(\"w\"))", env).ShouldBe("\"{Warehouse w}\"");
    }
}
